package commonplace.query.thread;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a link found in a body is still written in that body after an edit. Links are found the way a reader sees
 * them: sentence punctuation, closing quotes and closing brackets right after an address are not part of it, so
 * {@code https://a.example/x} is in "see https://a.example/x." but not in "see https://a.example/x-2".
 */
final class BodyLinks {

    private static final Pattern CANDIDATE =
            Pattern.compile("(?<![\\p{L}\\p{N}])https?://[^\\s<>\"“”«»‘’]+", Pattern.CASE_INSENSITIVE);
    private static final String MAY_FOLLOW = ".,;:!?'\"”’»)]}";

    private final List<String> candidates = new ArrayList<>();

    /**
     * What {@code find()} would find, but the pattern is tried only where "http" starts: searching with the
     * look-behind at every position of every edited body was a tenth of a rebuild.
     */
    private BodyLinks(String body) {
        String text = body == null ? "" : body;
        Matcher matcher = CANDIDATE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        while ((from = indexOfHttp(text, from)) >= 0) {
            matcher.region(from, text.length());
            if (matcher.lookingAt()) {
                candidates.add(matcher.group());
                from = matcher.end();
            } else {
                from++;
            }
        }
    }

    /** Where "http" starts at or after {@code from}, in any ASCII case (the pattern's CASE_INSENSITIVE), or -1. */
    private static int indexOfHttp(String text, int from) {
        for (int i = from; i + 4 <= text.length(); i++) {
            char c = text.charAt(i);
            if ((c == 'h' || c == 'H') && text.regionMatches(true, i + 1, "ttp", 0, 3)) {
                return i;
            }
        }
        return -1;
    }

    static BodyLinks in(String body) {
        return new BodyLinks(body);
    }

    boolean contains(String url) {
        for (String candidate : candidates) {
            if (candidate.startsWith(url) && onlyTrailingPunctuation(candidate.substring(url.length()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean onlyTrailingPunctuation(String rest) {
        for (int i = 0; i < rest.length(); i++) {
            if (MAY_FOLLOW.indexOf(rest.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
