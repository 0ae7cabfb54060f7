package commonplace.command.topic;

public class TopicNotFoundException extends RuleViolation {

    public TopicNotFoundException(String topicId) {
        super("there is no topic '" + topicId + "'");
    }
}
