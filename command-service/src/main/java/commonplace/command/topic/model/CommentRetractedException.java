package commonplace.command.topic.model;

public class CommentRetractedException extends RuleViolation {

    public CommentRetractedException(String commentId) {
        super("comment '" + commentId + "' was retracted");
    }
}
