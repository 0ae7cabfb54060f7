package commonplace.command.topic.model;

/**
 * What the {@link Topic} aggregate answers to a command. {@code lastSequence} is the 1-based sequence of the last
 * event the command recorded (or of the topic's last event when it recorded nothing): the command answer's position.
 */
public final class Results {

    private Results() {
    }

    /** {@code created} is false when an identical topic already existed. */
    public record TopicOpenedResult(String topicId, boolean created, long lastSequence) {
    }

    public record CommentResult(String commentId, String topicId, int revision, long lastSequence) {
    }

    public record ShareResult(String shareId, String topicId, long lastSequence) {
    }

    /** For retractions, locks and unlocks; {@code recorded} is false when nothing had to change. */
    public record TopicChanged(String topicId, boolean recorded, long lastSequence) {
    }
}
