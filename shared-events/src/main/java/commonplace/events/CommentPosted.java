package commonplace.events;

/** A root comment was posted on a topic. The body is stored exactly as sent. */
public record CommentPosted(String topicId, String commentId, String body,
                            String authorId, String authorName) implements DiscussionEvent {
}
