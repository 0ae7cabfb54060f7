package commonplace.events.text;

import java.util.Optional;

/**
 * What the text a person writes may hold, by the kind of field it fills; the one statement of these rules for every
 * field of every service (bodies, titles, display names, URLs). Framework-free: a plain check that any validator calls.
 * <ul>
 *   <li>Every field: valid Unicode. A JSON string can carry half of a surrogate pair ({@code "\ud800"}), and so can
 *       a body sent in CESU-8; stored, it would read back as {@code ?}.</li>
 *   <li>{@link Kind#MULTI_LINE} (a body, a description, a note, a reason): no control characters but line feed, tab
 *       and a carriage return before a line feed. Bidirectional controls are allowed: right-to-left writing needs
 *       them.</li>
 *   <li>{@link Kind#ONE_LINE} (a title, a display name, a URL): no control character at all, no line or paragraph
 *       separator (U+2028, U+2029), and no bidirectional embedding, override or isolate control (U+202A..U+202E,
 *       U+2066..U+2069), which make a short line read as something it is not.</li>
 * </ul>
 */
public final class TextRules {

    /** The kind of field a text fills. */
    public enum Kind {
        MULTI_LINE, ONE_LINE
    }

    /** Why a text breaks the rules, in words for the person who sent it. */
    public enum Violation {
        UNPAIRED_SURROGATE("must be valid Unicode (it holds half of a surrogate pair)"),
        CONTROL_CHARACTER("must not contain control characters other than line breaks and tabs"),
        CONTROL_CHARACTER_OR_LINE_BREAK("must not contain control characters or line breaks"),
        BIDI_CONTROL("must not contain bidirectional embedding, override or isolate controls");

        private final String message;

        Violation(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private TextRules() {
    }

    /** The first rule {@code text} breaks for a field of this kind, reading from its start; empty when none. */
    public static Optional<Violation> check(String text, Kind kind) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of(Violation.UNPAIRED_SURROGATE);
            }
            Violation broken = kind == Kind.MULTI_LINE ? multiLine(text, i) : oneLine(c);
            if (broken != null) {
                return Optional.of(broken);
            }
        }
        return Optional.empty();
    }

    /** Embedding, override and isolate controls: U+202A..U+202E and U+2066..U+2069. */
    public static boolean isBidiControl(int codePoint) {
        return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /** Line feed and tab are text; a carriage return only as part of CR LF. */
    private static Violation multiLine(String text, int i) {
        char c = text.charAt(i);
        if (Character.getType(c) != Character.CONTROL || c == '\n' || c == '\t'
                || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
            return null;
        }
        return Violation.CONTROL_CHARACTER;
    }

    private static Violation oneLine(char c) {
        int type = Character.getType(c);
        if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            return Violation.CONTROL_CHARACTER_OR_LINE_BREAK;
        }
        return isBidiControl(c) ? Violation.BIDI_CONTROL : null;
    }
}
