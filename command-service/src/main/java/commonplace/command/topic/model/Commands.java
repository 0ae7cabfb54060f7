package commonplace.command.topic.model;

import commonplace.command.identity.Author;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** The commands the {@link Topic} aggregate handles; each names the topic it is for and who sends it. */
public final class Commands {

    private Commands() {
    }

    /** What every command of a topic carries. */
    public sealed interface TopicCommand permits OpenTopic, PostComment, PostReply, EditComment, RetractComment,
            ShareLink, LockTopic, UnlockTopic {

        String topicId();

        Author author();
    }

    /** Opens a topic, or confirms an identical one (idempotent PUT). {@code url} and {@code description} may be null. */
    public record OpenTopic(@TargetAggregateIdentifier String topicId, String title, String url, String description,
                            Author author) implements TopicCommand {
    }

    /** {@code language} is an ISO 639-1 code or null (then guessed from the body). */
    public record PostComment(@TargetAggregateIdentifier String topicId, String commentId, String body,
                              String language, Author author) implements TopicCommand {
    }

    public record PostReply(@TargetAggregateIdentifier String topicId, String commentId, String parentId, String body,
                            Author author) implements TopicCommand {
    }

    /** {@code expectedRevision} is the revision the author saw (the request's If-Match). */
    public record EditComment(@TargetAggregateIdentifier String topicId, String commentId, int expectedRevision,
                              String body, Author author) implements TopicCommand {
    }

    public record RetractComment(@TargetAggregateIdentifier String topicId, String commentId, String reason,
                                 Author author) implements TopicCommand {
    }

    /** {@code note} and {@code parentId} may be null. */
    public record ShareLink(@TargetAggregateIdentifier String topicId, String shareId, String url, String note,
                            String parentId, Author author) implements TopicCommand {
    }

    public record LockTopic(@TargetAggregateIdentifier String topicId, String reason, Author author)
            implements TopicCommand {
    }

    public record UnlockTopic(@TargetAggregateIdentifier String topicId, Author author) implements TopicCommand {
    }

    /**
     * Records an erasure in one topic the erased author took part in (sent by the erasure's background job, not by a
     * person): {@code requestedBy} is whoever asked for it. Recorded once per topic and erasure.
     */
    public record RecordErasure(@TargetAggregateIdentifier String topicId, String erasedAuthorId,
                                java.util.List<String> erasedKeyIds, String erasureId, int topicCount,
                                String requestedBy) {
    }

    /**
     * Records part of an export for one topic (docs/import.md): opens the topic if it does not exist, then each comment
     * in order (parents before their replies), and locks the topic after the last part when the source had closed it.
     * Sent by the importer only, never from a request body; not a {@link TopicCommand}: no double-post rule, no lock,
     * no rate limit. {@code importer} is the admin who started the import (the topic's opener and who retracts what
     * the source deleted).
     */
    public record ImportComments(@TargetAggregateIdentifier String topicId, ImportedTopic topic,
                                 List<ImportedComment> comments, boolean lockAfter, Instant importedAt,
                                 Author importer) {

        public ImportComments {
            comments = List.copyOf(comments);
        }
    }

    /** The page as the source had it; {@code url} may be null; {@code at} is the source's time for it. */
    public record ImportedTopic(String title, String url, String source, String sourceId, Instant at) {
    }

    /**
     * One source comment: its derived id, the id of the comment it answers (null for a top-level one), what it says,
     * who wrote it, where it came from and when, and whether the source deleted it.
     */
    public record ImportedComment(String commentId, String parentId, String body, String authorId, String authorName,
                                  String source, String sourceId, Instant at, boolean deleted) {

        @Override
        public String toString() {
            return "ImportedComment[commentId=" + commentId + ", sourceId=" + sourceId + "]";
        }
    }
}
