package commonplace.events;

import commonplace.events.privacy.Redacted;

/** The author replaced the body of a comment or reply; {@code revision} is the new revision (2 after the first edit). */
public record CommentEdited(String topicId, String commentId, int revision, String body,
                            String authorId, String authorName) implements DiscussionEvent {

    /** Prints without its personal fields: payloads end up in framework logs. */
    @Override
    public String toString() {
        return Redacted.describe(this);
    }
}
