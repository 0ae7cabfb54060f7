package commonplace.events;

/** The author replaced the body of a comment or reply; {@code revision} is the new revision (2 after the first edit). */
public record CommentEdited(String topicId, String commentId, int revision, String body,
                            String authorId, String authorName) implements DiscussionEvent {
}
