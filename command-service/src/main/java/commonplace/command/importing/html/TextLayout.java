package commonplace.command.importing.html;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Lays text out in lines the way a reader sees HTML: runs of white space collapse to one space, blocks are separated
 * by one blank line, forced breaks are kept, and every line inside a quote or a list starts with its prefix
 * ({@code "> "}, the indent of a list item). Nothing is written for a break until text follows it, so breaks never
 * pile up at the start, at the end or around empty blocks.
 */
final class TextLayout {

    private final StringBuilder out = new StringBuilder();
    private final Deque<String> prefixes = new ArrayDeque<>();
    private String prefix = "";
    /** 0: none, 1: a new line, 2: a blank line. */
    private int breaksWanted;
    /** The prefix when the wanted break began: a blank line takes the shallower of it and the current one. */
    private String breakPrefix = "";
    /** Line breaks of a {@code <pre>} not yet written: written as they are before the next character. */
    private int literalBreaks;
    private boolean spaceWanted;
    private boolean atLineStart = true;
    private String marker;
    private int removedControls;

    /** Text as HTML renders it: white space collapses, control characters are dropped. */
    void text(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                spaceWanted = !atLineStart;
            } else if (Character.getType(c) == Character.CONTROL) {
                removedControls++;
            } else {
                beforeCharacter();
                if (spaceWanted) {
                    out.append(' ');
                }
                spaceWanted = false;
                out.append(c);
            }
        }
    }

    /** Text of a {@code <pre>}: spaces, tabs and every line break kept (trailing ones end with the block). */
    void preformatted(String text) {
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < lines.length(); i++) {
            char c = lines.charAt(i);
            if (c == '\n') {
                if (!out.isEmpty()) {
                    literalBreaks++;
                }
            } else if (Character.getType(c) == Character.CONTROL && c != '\t') {
                removedControls++;
            } else {
                beforeCharacter();
                spaceWanted = false;
                out.append(c);
            }
        }
    }

    /** {@code <br>}: a new line; two in a row make a blank line, more than two no more than that. */
    void lineBreak() {
        if (out.isEmpty() && marker == null) {
            return;
        }
        if (breaksWanted == 0) {
            breakPrefix = prefix;
        }
        breaksWanted = Math.min(2, breaksWanted + 1);
        literalBreaks = 0;
        spaceWanted = false;
    }

    /** The next text starts on a new line (a list item). */
    void newLine() {
        want(1);
    }

    /** The next text starts a new paragraph. */
    void block() {
        want(2);
    }

    /** A list item: the next text starts on a new line with {@code itemMarker}; its later lines are indented. */
    void listItem(String itemMarker) {
        newLine();
        marker = itemMarker;
        push(" ".repeat(itemMarker.length()));
    }

    void push(String linePrefix) {
        prefixes.push(prefix);
        prefix = prefix + linePrefix;
    }

    void pop() {
        prefix = prefixes.pop();
        marker = null;
    }

    void countRemovedControls(int count) {
        removedControls += count;
    }

    int removedControls() {
        return removedControls;
    }

    String result() {
        return out.toString();
    }

    private void want(int breaks) {
        if (out.isEmpty()) {
            return;
        }
        if (breaksWanted == 0) {
            breakPrefix = prefix;
        }
        breaksWanted = Math.max(breaksWanted, breaks);
        literalBreaks = 0;
        spaceWanted = false;
    }

    private void beforeCharacter() {
        if (literalBreaks > 0) {
            for (int i = 1; i <= literalBreaks; i++) {
                out.append('\n');
                if (i < literalBreaks) {
                    out.append(prefix.stripTrailing());
                }
            }
            literalBreaks = 0;
            atLineStart = true;
        }
        if (breaksWanted > 0 && !out.isEmpty()) {
            out.append('\n');
            if (breaksWanted == 2) {
                String shallower = breakPrefix.length() < prefix.length() ? breakPrefix : prefix;
                out.append(shallower.stripTrailing()).append('\n');
            }
            atLineStart = true;
        }
        breaksWanted = 0;
        if (atLineStart) {
            String linePrefix = prefix;
            if (marker != null) {
                linePrefix = prefix.substring(0, prefix.length() - marker.length()) + marker;
                marker = null;
            }
            out.append(linePrefix);
            atLineStart = false;
            spaceWanted = false;
        }
    }
}
