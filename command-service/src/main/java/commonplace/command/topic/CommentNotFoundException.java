package commonplace.command.topic;

public class CommentNotFoundException extends RuleViolation {

    public CommentNotFoundException(String commentId) {
        super("there is no comment '" + commentId + "'");
    }
}
