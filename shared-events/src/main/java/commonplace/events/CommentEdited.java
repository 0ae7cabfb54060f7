package commonplace.events;

import commonplace.events.privacy.Redacted;

/**
 * The author replaced the body of a comment or reply; {@code revision} is the new revision (2 after the first edit).
 * {@code imported} is set when a later export of the source had the message changed, else null.
 */
public record CommentEdited(String topicId, String commentId, int revision, String body,
                            String authorId, String authorName, Imported imported) implements DiscussionEvent {

    /** An edit here, not imported. */
    public CommentEdited(String topicId, String commentId, int revision, String body,
                         String authorId, String authorName) {
        this(topicId, commentId, revision, body, authorId, authorName, null);
    }

    /** Prints without its personal fields: payloads end up in framework logs. */
    @Override
    public String toString() {
        return Redacted.describe(this);
    }
}
