package commonplace.command.topic;

public class TopicLockedException extends RuleViolation {

    public TopicLockedException(String topicId) {
        super("topic '" + topicId + "' is locked: no new comments, replies, edits or shares");
    }
}
