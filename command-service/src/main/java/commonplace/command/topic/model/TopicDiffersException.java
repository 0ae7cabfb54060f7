package commonplace.command.topic.model;

/** A topic with this id exists with another title, URL or description. */
public class TopicDiffersException extends RuleViolation {

    public TopicDiffersException(String topicId) {
        super("topic '" + topicId + "' already exists with a different title, url or description");
    }
}
