package commonplace.command.importing.mapping;

import commonplace.command.importing.SourceAuthor;
import commonplace.command.importing.SourceFormat;
import commonplace.events.Identifiers;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;

/**
 * Author ids for imported comments: deterministic (a re-run and a later export give the same ids), opaque, always an
 * author id by the contract's rule, never an email.
 * <ul>
 *   <li>an account whose source name is itself a valid id: {@code disqus.<username>}, {@code wordpress.user-<id>};</li>
 *   <li>any other account: {@code <format>.a.<keyed hash of its name>};</li>
 *   <li>a guest: {@code <format>.g.<keyed hash of the email, or of the display name when there is none>}.</li>
 * </ul>
 * The hash is an HMAC-SHA256 under the site's import secret ({@code COMMONPLACE_IMPORT_SECRET}), so that no one can
 * find a guest's id by hashing guessed addresses; the same secret must be used for every import of a site.
 */
public final class AuthorIds {

    /** As for the token secret: at least 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final int HASH_CHARS = 22;

    private final SecretKeySpec key;
    private final String site;

    /** @param site the site key of {@link ImportedIds}; part of every hash */
    public AuthorIds(byte[] secret, String site) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the import secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.site = site == null ? "" : site;
    }

    public String of(SourceFormat format, SourceAuthor author) {
        if (!author.anonymous() && author.username() != null && !author.username().isBlank()) {
            String account = author.username().strip();
            String plain = format.key() + "." + (format == SourceFormat.WORDPRESS ? "user-" : "") + account;
            if (Identifiers.isAuthorId(plain) && !account.contains("@")) {
                return plain;
            }
            return format.key() + ".a." + keyedHash(format, "account", account);
        }
        String email = author.email() == null ? "" : author.email().strip().toLowerCase(Locale.ROOT);
        String identity = !email.isEmpty() ? "email:" + email
                : "name:" + (author.name() == null ? "" : author.name().strip());
        return format.key() + ".g." + keyedHash(format, "guest", identity);
    }

    private String keyedHash(SourceFormat format, String kind, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((format.key() + "\n" + site + "\n" + kind + "\n" + value)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, HASH_CHARS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
