package commonplace.command.links;

import commonplace.events.links.LinkCandidates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the http(s) links a person wrote in a comment body, the way a reader would see them: punctuation that ends
 * the sentence ({@code .,;:!?}), closing quotes ({@code ' " ” ’ »}) and unbalanced closing brackets are not part of
 * the link; balanced parentheses, as in Wikipedia addresses, are.
 */
public final class UrlExtractor {

    private static final String TRAILING_PUNCTUATION = ".,;:!?'\"”’»";

    private UrlExtractor() {
    }

    /** Every distinct valid link in {@code body}, by normalised form, in order of first appearance. */
    public static List<SharedUrl> extract(String body) {
        Map<String, SharedUrl> byNormalized = new LinkedHashMap<>();
        for (String candidate : LinkCandidates.in(body)) {
            UrlNormalizer.tryNormalize(trimTrailing(candidate))
                    .ifPresent(url -> byNormalized.putIfAbsent(url.normalizedUrl(), url));
        }
        return new ArrayList<>(byNormalized.values());
    }

    static String trimTrailing(String candidate) {
        String url = candidate;
        while (!url.isEmpty()) {
            char last = url.charAt(url.length() - 1);
            if (TRAILING_PUNCTUATION.indexOf(last) >= 0) {
                url = url.substring(0, url.length() - 1);
            } else if (isClosing(last) && count(url, last) > count(url, opening(last))) {
                url = url.substring(0, url.length() - 1);
            } else {
                break;
            }
        }
        return url;
    }

    private static boolean isClosing(char c) {
        return c == ')' || c == ']' || c == '}';
    }

    private static char opening(char closing) {
        return switch (closing) {
            case ')' -> '(';
            case ']' -> '[';
            default -> '{';
        };
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }
}
