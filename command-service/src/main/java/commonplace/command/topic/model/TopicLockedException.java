package commonplace.command.topic.model;

public class TopicLockedException extends RuleViolation {

    public TopicLockedException(String topicId) {
        super("topic '" + topicId + "' is locked: no new comments, replies, edits or shares");
    }
}
