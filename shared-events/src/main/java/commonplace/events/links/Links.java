package commonplace.events.links;

import java.util.ArrayList;
import java.util.List;

/**
 * The http(s) links written in a text, the way a reader sees them; the one rule both services follow (the command side
 * records a LinkShared per link, the query side checks whether an edit still carries a link).
 * <p>
 * A link starts at {@code http://} or {@code https://} (any case) not glued to a preceding letter or digit, and runs
 * to whitespace, a control, {@code < > "}, a typographic quote ({@code “ ” « » ‘ ’}), a bidirectional control or mark,
 * or the {@code ](} between a markdown link's text and its address. Then what ends the sentence is not part of it:
 * punctuation ({@code . , ; : ! ? …}), closing quotes ({@code ' ›}) and closing brackets without a partner inside the
 * link; balanced parentheses, as in Wikipedia addresses, are. What is left must have something after {@code ://}.
 * <p>
 * Everything here takes time linear in the text's length, whatever it holds.
 */
public final class Links {

    private static final String SENTENCE_END = ".,;:!?…'›";
    private static final String CLOSING = ")]}";
    private static final String OPENING = "([{";

    private Links() {
    }

    /** Every link in {@code text}, in order, repeated as often as it is written; none for null. */
    public static List<String> in(String text) {
        List<String> links = new ArrayList<>();
        for (String candidate : LinkCandidates.in(text)) {
            String link = trimTrailing(candidate);
            if (link.length() > link.indexOf("://") + 3) {
                links.add(link);
            }
        }
        return links;
    }

    /**
     * {@code candidate} without what ends the sentence after it. The brackets are counted once and the counts kept as
     * characters come off the end, so a link followed by 20,000 {@code )} costs 20,000 steps, not 20,000 recounts.
     */
    static String trimTrailing(String candidate) {
        int[] open = new int[CLOSING.length()];
        int[] close = new int[CLOSING.length()];
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            int opening = OPENING.indexOf(c);
            int closing = CLOSING.indexOf(c);
            if (opening >= 0) {
                open[opening]++;
            } else if (closing >= 0) {
                close[closing]++;
            }
        }
        int end = candidate.length();
        while (end > 0) {
            char last = candidate.charAt(end - 1);
            int closing = CLOSING.indexOf(last);
            if (SENTENCE_END.indexOf(last) >= 0) {
                end--;
            } else if (closing >= 0 && close[closing] > open[closing]) {
                close[closing]--;
                end--;
            } else {
                break;
            }
        }
        return candidate.substring(0, end);
    }
}
