package commonplace.command.topic.model;

import commonplace.command.identity.Author;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands the {@link Topic} aggregate handles; each names the topic it is for and who sends it. */
public final class Commands {

    private Commands() {
    }

    /** Opens a topic, or confirms an identical one (idempotent PUT). {@code url} and {@code description} may be null. */
    public record OpenTopic(@TargetAggregateIdentifier String topicId, String title, String url, String description,
                            Author author) {
    }

    /** {@code language} is an ISO 639-1 code or null (then guessed from the body). */
    public record PostComment(@TargetAggregateIdentifier String topicId, String commentId, String body,
                              String language, Author author) {
    }

    public record PostReply(@TargetAggregateIdentifier String topicId, String commentId, String parentId, String body,
                            Author author) {
    }

    /** {@code expectedRevision} is the revision the author saw (the request's If-Match). */
    public record EditComment(@TargetAggregateIdentifier String topicId, String commentId, int expectedRevision,
                              String body, Author author) {
    }

    public record RetractComment(@TargetAggregateIdentifier String topicId, String commentId, String reason,
                                 Author author) {
    }

    /** {@code note} and {@code parentId} may be null. */
    public record ShareLink(@TargetAggregateIdentifier String topicId, String shareId, String url, String note,
                            String parentId, Author author) {
    }

    public record LockTopic(@TargetAggregateIdentifier String topicId, String reason, Author author) {
    }

    public record UnlockTopic(@TargetAggregateIdentifier String topicId, Author author) {
    }
}
