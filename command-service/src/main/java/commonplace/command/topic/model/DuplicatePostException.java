package commonplace.command.topic.model;

/** The same author posted the same body in the same topic within the double-post window. */
public class DuplicatePostException extends RuleViolation {

    private final String originalCommentId;

    public DuplicatePostException(String originalCommentId) {
        super("you posted the same text in this topic a moment ago as comment '" + originalCommentId + "'");
        this.originalCommentId = originalCommentId;
    }

    public String originalCommentId() {
        return originalCommentId;
    }
}
