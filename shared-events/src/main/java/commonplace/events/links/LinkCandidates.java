package commonplace.events.links;

import commonplace.events.text.TextRules;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the addresses written in a text begin and end, before {@link Links} takes off what ends the sentence. An
 * address starts at {@code http://} or {@code https://} (any case) not glued to a preceding letter or digit, and runs
 * to whitespace or any other space separator (a no-break space, U+2028), a control character, {@code < > "}, a
 * typographic quote, a bidirectional control or mark (right-to-left text puts them around addresses), or a markdown
 * link's {@code ](}.
 * <p>
 * Written as a scan rather than a regular expression: the expression needs an alternation inside a repetition (for
 * {@code ](}), which Java's engine matches by recursion, one stack frame per character of a long address.
 */
final class LinkCandidates {

    private static final String STOP_CHARACTERS = "<>\"“”«»‘’\u061C\u200E\u200F";

    private LinkCandidates() {
    }

    /** Every address in {@code text}, in order, as far as it runs. */
    static List<String> in(String text) {
        if (text == null || !text.contains("://")) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        int from = 0;
        while ((from = indexOfHttp(text, from)) >= 0) {
            int end = addressEnd(text, from);
            if (end > 0) {
                found.add(text.substring(from, end));
                from = end;
            } else {
                from++;
            }
        }
        return found;
    }

    /** Where the address that starts at {@code start} ends, or -1 when none starts there. */
    private static int addressEnd(String text, int start) {
        if (start > 0 && isLetterOrDigit(Character.codePointBefore(text, start))) {
            return -1;
        }
        int schemeEnd = start + 4;
        if (schemeEnd < text.length() && (text.charAt(schemeEnd) == 's' || text.charAt(schemeEnd) == 'S')) {
            schemeEnd++;
        }
        if (!text.startsWith("://", schemeEnd)) {
            return -1;
        }
        int begin = schemeEnd + 3;
        int end = begin;
        while (end < text.length() && !endsAnAddress(text, end)) {
            end++;
        }
        return end > begin ? end : -1;
    }

    private static boolean endsAnAddress(String text, int i) {
        char c = text.charAt(i);
        if (c == ']') {
            return i + 1 < text.length() && text.charAt(i + 1) == '(';
        }
        int type = Character.getType(c);
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.CONTROL
                || STOP_CHARACTERS.indexOf(c) >= 0 || TextRules.isBidiControl(c);
    }

    private static boolean isLetterOrDigit(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isLetter(codePoint) || type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** Where "http" starts at or after {@code from}, in any ASCII case, or -1. */
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
