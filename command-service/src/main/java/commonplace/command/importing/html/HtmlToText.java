package commonplace.command.importing.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.text.Normalizer;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one message's HTML into the plain text of a comment body. The rules (docs/import.md has them with examples):
 * <ul>
 *   <li>paragraphs and other blocks ({@code p div h1-h6 pre blockquote ul ol table hr}…) are separated by one blank
 *       line; {@code <br>} is a line break (two make a blank line);</li>
 *   <li>entities are decoded ({@code &amp;} {@code &#8217;}); a no-break space becomes a plain space; white space
 *       collapses as a browser shows it, except inside {@code <pre>};</li>
 *   <li>every http(s) {@code <a href>} stays as its address (see {@link LinkText}); other schemes, such as
 *       {@code mailto:}, keep only the link's text;</li>
 *   <li>list items start with {@code "- "} or their number, nested lists are indented by the marker's width, and every
 *       line of a quote starts with {@code "> "};</li>
 *   <li>an image is its {@code alt} text, or its http(s) address when it has none (inside a link: nothing, the link's
 *       address stands for it); scripts, styles, frames, forms and media are dropped with their content; every other
 *       element keeps only its text;</li>
 *   <li>control characters other than line break and tab are dropped and counted; the result is NFC-normalised,
 *       lines lose trailing spaces, and leading and trailing blank lines go.</li>
 * </ul>
 * One message at a time: jsoup's tree of a message lives only during the call.
 */
public final class HtmlToText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
            "blockquote", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "hr", "section",
            "article", "aside", "header", "footer", "nav", "main", "figure", "figcaption", "address", "center",
            "details", "summary", "fieldset", "body");
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "iframe", "frame",
            "frameset", "object", "embed", "applet", "svg", "math", "head", "title", "meta", "link", "form", "input",
            "select", "option", "textarea", "button", "audio", "video", "source", "track", "canvas", "map", "area",
            "picture");
    /** Deeper than any real message nests; below it an element is laid out as one run of its text. */
    static final int MAX_NESTING = 64;
    private static final Pattern TRAILING_SPACES = Pattern.compile("[ \\t]+(?=\n|$)");

    private HtmlToText() {
    }

    /**
     * @param html    a message as HTML (Disqus); null is empty
     * @param baseUri the page's address, against which relative links are resolved; may be null
     */
    public static PlainText fromHtml(String html, String baseUri) {
        Document document = Jsoup.parseBodyFragment(html == null ? "" : html, baseUri == null ? "" : baseUri);
        Rendering rendering = new Rendering();
        rendering.children(document.body(), false, 0);
        String text = Normalizer.normalize(rendering.layout.result(), Normalizer.Form.NFC);
        text = TRAILING_SPACES.matcher(text).replaceAll("").strip();
        return new PlainText(text, rendering.layout.removedControls(), rendering.droppedLinks);
    }

    /** A WordPress comment: its line breaks are meaningful, as WordPress shows them (see {@link WordPressAutop}). */
    public static PlainText fromWordPress(String content, String baseUri) {
        return fromHtml(WordPressAutop.toHtml(content), baseUri);
    }

    private static final class Rendering {
        private final TextLayout layout = new TextLayout();
        private int droppedLinks;

        void children(Element element, boolean inLink, int depth) {
            if (depth > MAX_NESTING) {
                layout.text(" " + element.text() + " ");
                return;
            }
            for (Node child : element.childNodes()) {
                if (child instanceof TextNode text) {
                    if (insidePre(element)) {
                        layout.preformatted(text.getWholeText());
                    } else {
                        layout.text(text.getWholeText());
                    }
                } else if (child instanceof Element nested) {
                    element(nested, inLink, depth + 1);
                }
            }
        }

        private void element(Element element, boolean inLink, int depth) {
            String tag = element.normalName();
            if (DROPPED.contains(tag)) {
                return;
            }
            switch (tag) {
                case "br" -> layout.lineBreak();
                case "a" -> link(element, inLink, depth);
                case "img" -> image(element, inLink);
                case "blockquote" -> quote(element, inLink, depth);
                case "ul", "ol" -> list(element, tag.equals("ol"), inLink, depth);
                case "li" -> item(element, "- ", inLink, depth);
                case "td", "th" -> {
                    layout.text(" ");
                    children(element, inLink, depth);
                    layout.text(" ");
                }
                default -> {
                    boolean block = BLOCKS.contains(tag);
                    if (block) {
                        layout.block();
                    }
                    children(element, inLink, depth);
                    if (block) {
                        layout.block();
                    }
                }
            }
        }

        private void link(Element anchor, boolean inLink, int depth) {
            String url = inLink ? null : LinkText.address(anchor);
            if (url == null) {
                if (!inLink && anchor.hasAttr("href") && !anchor.attr("href").isBlank()) {
                    droppedLinks++;
                }
                children(anchor, inLink, depth);
                return;
            }
            layout.text(LinkText.combine(label(anchor, depth), url));
        }

        /** The link's text as one line, rendered by the same rules (an image inside counts by its alt text). */
        private String label(Element anchor, int depth) {
            Rendering inner = new Rendering();
            inner.children(anchor, true, depth);
            layout.countRemovedControls(inner.layout.removedControls());
            return inner.layout.result().replaceAll("\\s+", " ").strip();
        }

        private void image(Element image, boolean inLink) {
            String alt = image.attr("alt").strip();
            if (!alt.isEmpty()) {
                layout.text(" " + alt + " ");
                return;
            }
            if (!inLink) {
                String src = LinkText.httpAddress(image.absUrl("src"));
                if (src != null) {
                    layout.text(" " + src + " ");
                }
            }
        }

        private void quote(Element quote, boolean inLink, int depth) {
            layout.block();
            layout.push("> ");
            children(quote, inLink, depth);
            layout.pop();
            layout.block();
        }

        private void list(Element list, boolean numbered, boolean inLink, int depth) {
            boolean nested = list.parent() != null && list.parent().closest("li") != null;
            if (nested) {
                layout.newLine();
            } else {
                layout.block();
            }
            int number = numbered ? start(list) : 0;
            for (Node child : list.childNodes()) {
                if (child instanceof Element item && item.normalName().equals("li")) {
                    item(item, numbered ? (number++) + ". " : "- ", inLink, depth + 1);
                } else if (child instanceof Element other) {
                    element(other, inLink, depth + 1);
                } else if (child instanceof TextNode text) {
                    layout.text(text.getWholeText());
                }
            }
            if (nested) {
                layout.newLine();
            } else {
                layout.block();
            }
        }

        private void item(Element item, String marker, boolean inLink, int depth) {
            layout.listItem(marker);
            children(item, inLink, depth);
            layout.pop();
            layout.newLine();
        }

        private static int start(Element list) {
            try {
                return Integer.parseInt(list.attr("start").strip());
            } catch (NumberFormatException e) {
                return 1;
            }
        }

        private static boolean insidePre(Element element) {
            for (Element at = element; at != null; at = at.parent()) {
                if (at.normalName().equals("pre")) {
                    return true;
                }
            }
            return false;
        }
    }
}
