package commonplace.events;

/** A moderator unlocked a topic. */
public record TopicUnlocked(String topicId, String authorId, String authorName) implements DiscussionEvent {
}
