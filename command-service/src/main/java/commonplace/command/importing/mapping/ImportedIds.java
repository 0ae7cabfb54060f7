package commonplace.command.importing.mapping;

import commonplace.command.importing.SourceFormat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Ids of imported comments, derived from where they came from: the same (format, site, source id) always gives the
 * same 22 base64url characters (132 bits of SHA-256, the shape of every comment id), so a re-run addresses the same
 * comment and a reply names its parent without looking it up. {@code site} tells apart two sites of one format
 * imported into one commonplace (WordPress numbers comments per site); it is empty for most.
 */
public final class ImportedIds {

    private ImportedIds() {
    }

    public static String commentId(SourceFormat format, String site, String sourceId) {
        byte[] digest = sha256("commonplace-import\n" + format.key() + "\n" + site + "\n" + sourceId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
