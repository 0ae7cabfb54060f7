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

    private BodyLinks(String body) {
        Matcher matcher = CANDIDATE.matcher(body == null ? "" : body);
        while (matcher.find()) {
            candidates.add(matcher.group());
        }
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
