package commonplace.command.topic.model;

public class CommentNotFoundException extends RuleViolation {

    public CommentNotFoundException(String commentId) {
        super("there is no comment '" + commentId + "'");
    }
}
