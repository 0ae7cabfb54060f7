package commonplace.command.importing.html;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress keeps a comment as its author typed it and adds paragraphs only when showing it ({@code wpautop}): a
 * blank line separates paragraphs, a single line break is a {@code <br>}, and line breaks next to block tags and
 * inside {@code <pre>} mean nothing more. This does the same, so that the HTML rules of {@link HtmlToText} then
 * apply unchanged.
 */
final class WordPressAutop {

    private static final Pattern PRE = Pattern.compile("(?is)<pre\\b.*?</pre>");
    private static final String BLOCK = "(?:p|div|blockquote|ul|ol|li|pre|h[1-6]|table|thead|tbody|tr|td|th|dl|dt|dd|hr)";
    private static final Pattern BREAKS_AROUND_BLOCK_TAG =
            Pattern.compile("(?i)\\s*\\n\\s*(?=</?" + BLOCK + "\\b)|(</?" + BLOCK + "\\b[^>]*>)\\s*\\n\\s*");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t]*\\n\\s*");

    private WordPressAutop() {
    }

    static String toHtml(String content) {
        if (content == null) {
            return "";
        }
        String text = content.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder html = new StringBuilder();
        Matcher pre = PRE.matcher(text);
        int from = 0;
        while (pre.find()) {
            html.append(paragraphs(text.substring(from, pre.start()))).append(pre.group());
            from = pre.end();
        }
        return html.append(paragraphs(text.substring(from))).toString();
    }

    private static String paragraphs(String text) {
        String joined = BREAKS_AROUND_BLOCK_TAG.matcher(text).replaceAll(match ->
                match.group(1) == null ? "" : Matcher.quoteReplacement(match.group(1)));
        StringBuilder html = new StringBuilder();
        for (String paragraph : PARAGRAPH_BREAK.split(joined.strip())) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(paragraph.replace("\n", "<br>\n")).append("</p>");
            }
        }
        return html.toString();
    }
}
