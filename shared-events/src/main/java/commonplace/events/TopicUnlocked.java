package commonplace.events;

import commonplace.events.privacy.Redacted;

/** A moderator unlocked a topic. */
public record TopicUnlocked(String topicId, String authorId, String authorName) implements DiscussionEvent {

    /** Prints without its personal fields: payloads end up in framework logs. */
    @Override
    public String toString() {
        return Redacted.describe(this);
    }
}
