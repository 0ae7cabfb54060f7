package commonplace.command.topic.model;

import java.util.List;

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

    /** What an {@link Commands.ImportComments} did: whether it opened the topic, and one outcome per comment, in order. */
    public record ImportResult(String topicId, boolean topicOpened, boolean locked, List<ImportOutcome> outcomes,
                               long lastSequence) {
    }

    /**
     * What became of one imported comment. {@code movedToTop}: it answers a comment this topic does not have, so it was
     * recorded at the top level. {@code reason} says why the body was refused ({@link ImportOutcome.Kind#REFUSED}).
     */
    public record ImportOutcome(String commentId, Kind kind, boolean movedToTop, String reason) {

        public enum Kind {
            /** New, at the top level (or moved there). */
            COMMENT,
            /** New, under its parent. */
            REPLY,
            /** New, and retracted at once: deleted in the source. */
            RETRACTED_NEW,
            /** Recorded by an earlier import, now deleted in the source: retracted. */
            RETRACTED,
            /** Recorded by an earlier import; the source's text changed: recorded as an edit. */
            EDITED,
            /** Recorded by an earlier import with the same text and state. */
            ALREADY_THERE,
            /** Recorded by an earlier import and retracted here since: the source's change is not recorded. */
            KEPT_RETRACTED,
            /** Its text breaks a body rule; not recorded. */
            REFUSED
        }
    }
}
