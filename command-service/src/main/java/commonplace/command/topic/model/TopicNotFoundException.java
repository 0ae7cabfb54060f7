package commonplace.command.topic.model;

public class TopicNotFoundException extends RuleViolation {

    public TopicNotFoundException(String topicId) {
        super("there is no topic '" + topicId + "'");
    }
}
