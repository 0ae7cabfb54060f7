package commonplace.command.topic.model;

/** The author is known but may not do this (edit someone else's comment, lock without being a moderator). */
public class NotAllowedException extends RuleViolation {

    public NotAllowedException(String message) {
        super(message);
    }
}
