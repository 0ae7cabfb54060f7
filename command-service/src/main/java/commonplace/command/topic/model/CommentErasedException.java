package commonplace.command.topic.model;

/** The comment's author was erased: it stays a placeholder and cannot be edited, replied to or attached to. */
public class CommentErasedException extends RuleViolation {

    public CommentErasedException(String commentId) {
        super("comment '" + commentId + "' was erased with its author");
    }
}
