package commonplace.events;

import commonplace.events.privacy.Redacted;

/**
 * A reply to {@code parentId} (a comment or a reply of the same topic) was posted. {@code imported} is set when the
 * reply came from an export, else null.
 */
public record ReplyPosted(String topicId, String commentId, String parentId, String body,
                          String authorId, String authorName, Imported imported) implements DiscussionEvent {

    /** A reply posted here, not imported. */
    public ReplyPosted(String topicId, String commentId, String parentId, String body,
                       String authorId, String authorName) {
        this(topicId, commentId, parentId, body, authorId, authorName, null);
    }

    /** Prints without its personal fields: payloads end up in framework logs. */
    @Override
    public String toString() {
        return Redacted.describe(this);
    }
}
