package commonplace.command.importing.mapping;

import commonplace.events.Identifiers;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Topic ids from what an export says about a page: the site's own identifier when it is a topic id already
 * ({@code episode-90}, WordPress's {@code fjelltur-til-galdhopiggen}), else a slug of the page address's path and
 * query ({@code https://blogg.example.no/2019/03/Fjelltur/?p=12} → {@code 2019-03-fjelltur-p-12}): letters without
 * their accents ({@code æ}→{@code ae}, {@code ø}→{@code o}, {@code å}→{@code a}), lower case, every other run of
 * characters one {@code -}; the site's front page is {@code index}; a slug over 128 characters ends in a hash of the
 * whole path.
 */
public final class TopicIds {

    static final int MAX = 128;
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private TopicIds() {
    }

    public static Optional<String> fromIdentifier(String identifier) {
        return identifier != null && Identifiers.isTopicId(identifier.strip())
                ? Optional.of(identifier.strip()) : Optional.empty();
    }

    /** The slug of {@code url}'s path and query; empty when it is no absolute address. */
    public static Optional<String> fromUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(url.strip().replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri.getHost() == null) {
            return Optional.empty();
        }
        String pathAndQuery = (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "-" + uri.getRawQuery());
        String slug = slug(URLDecoder.decode(pathAndQuery.replace("+", "%2B"), StandardCharsets.UTF_8));
        if (slug.isEmpty()) {
            return Optional.of("index");
        }
        if (slug.length() > MAX) {
            String hash = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(ImportedIds.sha256(pathAndQuery)).substring(0, 10);
            slug = slug.substring(0, MAX - hash.length() - 1).replaceAll("-+$", "") + "-" + hash;
        }
        return Optional.of(slug);
    }

    /**
     * What identifies a page whatever its address's spelling: lower case, no scheme, no {@code www.}, no fragment, no
     * trailing {@code /}; {@code http://www.Example.no/a/} and {@code https://example.no/a} are one page.
     */
    public static String pageKey(String url) {
        String key = url.strip().toLowerCase(Locale.ROOT).replaceFirst("^[a-z][a-z0-9+.-]*://", "");
        if (key.startsWith("www.")) {
            key = key.substring(4);
        }
        int fragment = key.indexOf('#');
        if (fragment >= 0) {
            key = key.substring(0, fragment);
        }
        return key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
    }

    static String slug(String text) {
        String folded = text.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "o").replace("å", "a")
                .replace("ß", "ss").replace("þ", "th").replace("đ", "d").replace("ł", "l");
        String bare = COMBINING_MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
        return NOT_SLUG.matcher(bare).replaceAll("-").replaceAll("^-+|-+$", "");
    }
}
