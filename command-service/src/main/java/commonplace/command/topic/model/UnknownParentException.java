package commonplace.command.topic.model;

/** A share names a parent comment that is not in its topic. */
public class UnknownParentException extends RuleViolation {

    public UnknownParentException(String parentId, String topicId) {
        super("parentId '" + parentId + "' is not a comment of topic '" + topicId + "'");
    }
}
