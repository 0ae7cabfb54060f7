package commonplace.command.importing.html;

import commonplace.command.links.SharedUrl;
import commonplace.command.links.UrlNormalizer;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a link of a message is written in plain text: its address alone when the text says no more than the address
 * (the text is empty, is the address, or is the address shortened with an ellipsis, as Disqus shortens long links),
 * otherwise {@code text (address)}. Addresses are absolute http(s) URLs valid by the contract's rules, so that the
 * body's link scan records each as shared; Disqus's link-tracking redirects ({@code disq.us/url?url=…}) are replaced
 * by the address they lead to.
 */
final class LinkText {

    private static final Pattern DISQUS_TRACKING_SUFFIX = Pattern.compile(":[A-Za-z0-9_-]{20,}$");
    private static final Pattern SCHEME_AND_WWW = Pattern.compile("^[a-z]+://(www\\.)?");

    private LinkText() {
    }

    /** The address an anchor's {@code href} leads to, or null when it is not a valid http(s) address. */
    static String address(Element anchor) {
        return httpAddress(anchor.absUrl("href"));
    }

    /** {@code url} (already absolute) unwrapped and checked; null when it is no valid http(s) address. */
    static String httpAddress(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String address = unwrapDisqusRedirect(url.strip()).replace(" ", "%20");
        return UrlNormalizer.tryNormalize(address).map(SharedUrl::url).orElse(null);
    }

    static String combine(String label, String url) {
        if (label.isEmpty() || sameAddress(label, url) || shortenedFrom(label, url)) {
            return url;
        }
        return label + " (" + url + ")";
    }

    private static boolean sameAddress(String label, String url) {
        return comparable(label).equals(comparable(url));
    }

    /** Disqus and WordPress show long links as their beginning and an ellipsis: {@code http://blogs.msdn.com/b/b8/...}. */
    private static boolean shortenedFrom(String label, String url) {
        String beginning;
        if (label.endsWith("...")) {
            beginning = label.substring(0, label.length() - 3);
        } else if (label.endsWith("…")) {
            beginning = label.substring(0, label.length() - 1);
        } else {
            return false;
        }
        String start = comparable(beginning);
        return start.length() >= 8 && comparable(url).startsWith(start);
    }

    private static String comparable(String address) {
        String lower = address.strip().toLowerCase(Locale.ROOT);
        String bare = SCHEME_AND_WWW.matcher(lower).replaceFirst("");
        if (bare.startsWith("www.")) {
            bare = bare.substring(4);
        }
        return bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare;
    }

    /** {@code https://disq.us/url?url=https%3A%2F%2Fexample.com%2Fa%3AhashOfTwentyOrMore&cuid=1} → the target. */
    private static String unwrapDisqusRedirect(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return url;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!(host.equals("disq.us") || host.endsWith(".disq.us")) || !"/url".equals(uri.getPath())) {
            return url;
        }
        return queryParameter(uri.getRawQuery(), "url").map(target -> {
            Matcher suffix = DISQUS_TRACKING_SUFFIX.matcher(target);
            return suffix.find() ? target.substring(0, suffix.start()) : target;
        }).filter(target -> target.startsWith("http://") || target.startsWith("https://")).orElse(url);
    }

    private static Optional<String> queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                try {
                    return Optional.of(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
