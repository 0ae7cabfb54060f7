package commonplace.events.links;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw http(s) addresses written in a comment body, as both services must see them alike: the command side turns
 * them into LinkShared events, the query side checks whether an edit still carries them. An address starts at
 * {@code http://} or {@code https://} (any case) not glued to a preceding letter or digit, and runs to whitespace,
 * {@code < > "} or a typographic quote; trimming sentence punctuation is each caller's business.
 */
public final class LinkCandidates {

    private static final Pattern CANDIDATE =
            Pattern.compile("(?<![\\p{L}\\p{N}])https?://[^\\s<>\"“”«»‘’]+", Pattern.CASE_INSENSITIVE);

    private LinkCandidates() {
    }

    /**
     * What {@code CANDIDATE.matcher(body).find()} would find, in order, but the pattern is tried only where "http"
     * starts: searching with the look-behind at every position of every 4 KB body cost a tenth of a replay and a few
     * per cent of every write.
     */
    public static List<String> in(String body) {
        if (body == null || !body.contains("://")) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        Matcher matcher = CANDIDATE.matcher(body).useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        while ((from = indexOfHttp(body, from)) >= 0) {
            matcher.region(from, body.length());
            if (matcher.lookingAt()) {
                found.add(matcher.group());
                from = matcher.end();
            } else {
                from++;
            }
        }
        return found;
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
}
