package commonplace.events;

import commonplace.events.privacy.Redacted;

/** A reply to {@code parentId} (a comment or a reply of the same topic) was posted. */
public record ReplyPosted(String topicId, String commentId, String parentId, String body,
                          String authorId, String authorName) implements DiscussionEvent {

    /** Prints without its personal fields: payloads end up in framework logs. */
    @Override
    public String toString() {
        return Redacted.describe(this);
    }
}
