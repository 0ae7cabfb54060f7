package commonplace.events;

/** A moderator locked a topic: no new comments, replies, edits or shares until it is unlocked. */
public record TopicLocked(String topicId, String reason, String authorId, String authorName) implements DiscussionEvent {
}
