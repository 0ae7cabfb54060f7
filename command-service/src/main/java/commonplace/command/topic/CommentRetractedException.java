package commonplace.command.topic;

public class CommentRetractedException extends RuleViolation {

    public CommentRetractedException(String commentId) {
        super("comment '" + commentId + "' was retracted");
    }
}
