package commonplace.events;

import commonplace.events.privacy.Redacted;

/**
 * A comment was retracted by its author or by a moderator. Its body is gone from the read models; its place in
 * the tree stays. {@code reason} may be null.
 */
public record CommentRetracted(String topicId, String commentId, String reason, boolean byModerator,
                               String authorId, String authorName) implements DiscussionEvent {

    /** Prints without its personal fields: payloads end up in framework logs. */
    @Override
    public String toString() {
        return Redacted.describe(this);
    }
}
