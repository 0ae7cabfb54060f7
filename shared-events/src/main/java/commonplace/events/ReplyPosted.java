package commonplace.events;

/** A reply to {@code parentId} (a comment or a reply of the same topic) was posted. */
public record ReplyPosted(String topicId, String commentId, String parentId, String body,
                          String authorId, String authorName) implements DiscussionEvent {
}
