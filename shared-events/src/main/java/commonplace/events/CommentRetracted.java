package commonplace.events;

/**
 * A comment was retracted by its author or by a moderator. Its body is gone from the read models; its place in
 * the tree stays. {@code reason} may be null.
 */
public record CommentRetracted(String topicId, String commentId, String reason, boolean byModerator,
                               String authorId, String authorName) implements DiscussionEvent {
}
