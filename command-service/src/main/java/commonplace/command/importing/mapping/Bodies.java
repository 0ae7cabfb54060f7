package commonplace.command.importing.mapping;

import commonplace.command.importing.SourceComment;
import commonplace.command.importing.html.HtmlToText;
import commonplace.command.importing.html.PlainText;
import commonplace.command.topic.model.FieldRules;
import commonplace.command.topic.model.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * A source message as a body that passes the contract's body rule ({@link FieldRules#body}): converted by
 * {@link HtmlToText}, cut to {@value FieldRules#BODY_MAX} characters (ending in an ellipsis) when longer, or none when
 * nothing is left. Every change is a report reason; nothing is dropped without one.
 */
public final class Bodies {

    /** The body of a comment that is imported only to be retracted, when the source kept no text of it. */
    public static final String RETRACTED_PLACEHOLDER = "[deleted in the source]";

    /** The body to record (null when there is none) and the reasons it differs from the source. */
    public record Body(String text, List<String> changes) {
    }

    private Bodies() {
    }

    public static Body of(SourceComment comment, boolean wordpress, String pageUrl) {
        PlainText plain = wordpress ? HtmlToText.fromWordPress(comment.html(), pageUrl)
                : HtmlToText.fromHtml(comment.html(), pageUrl);
        List<String> changes = new ArrayList<>();
        if (comment.htmlCut()) {
            changes.add("the message is longer than " + SourceComment.HTML_MAX + " characters of HTML; only its "
                    + "beginning was read");
        }
        if (plain.removedControls() > 0) {
            changes.add(plain.removedControls() + " control characters removed");
        }
        if (plain.droppedLinks() > 0) {
            changes.add(plain.droppedLinks() + " links that are not http(s) addresses kept only as their text");
        }
        String text = plain.text();
        if (text.isEmpty()) {
            return new Body(null, changes);
        }
        int length = text.codePointCount(0, text.length());
        if (length > FieldRules.BODY_MAX) {
            text = text.substring(0, text.offsetByCodePoints(0, FieldRules.BODY_MAX - 1)).stripTrailing() + "…";
            changes.add("the text is " + length + " characters, more than a body's " + FieldRules.BODY_MAX
                    + "; it was cut");
        }
        try {
            FieldRules.check().body("body", text).orThrow();
        } catch (InvalidInputException e) {
            changes.add("the text breaks the body rule: " + e.getMessage());
            return new Body(null, changes);
        }
        return new Body(text, changes);
    }
}
