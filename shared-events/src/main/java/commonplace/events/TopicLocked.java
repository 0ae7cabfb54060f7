package commonplace.events;

import commonplace.events.privacy.Redacted;

/** A moderator locked a topic: no new comments, replies, edits or shares until it is unlocked. */
public record TopicLocked(String topicId, String reason, String authorId, String authorName) implements DiscussionEvent {

    /** Prints without its personal fields: payloads end up in framework logs. */
    @Override
    public String toString() {
        return Redacted.describe(this);
    }
}
