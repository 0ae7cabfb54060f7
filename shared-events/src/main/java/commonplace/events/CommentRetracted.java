package commonplace.events;

import commonplace.events.privacy.Redacted;

/**
 * A comment was retracted by its author or by a moderator. Its body is gone from the read models; its place in
 * the tree stays. {@code reason} may be null. {@code imported} is set when the comment was deleted in the export it
 * came from (then {@code at} is the source time of the comment), else null.
 */
public record CommentRetracted(String topicId, String commentId, String reason, boolean byModerator,
                               String authorId, String authorName, Imported imported) implements DiscussionEvent {

    /** A retraction here, not imported. */
    public CommentRetracted(String topicId, String commentId, String reason, boolean byModerator,
                            String authorId, String authorName) {
        this(topicId, commentId, reason, byModerator, authorId, authorName, null);
    }

    /** Prints without its personal fields: payloads end up in framework logs. */
    @Override
    public String toString() {
        return Redacted.describe(this);
    }
}
