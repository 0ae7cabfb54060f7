package commonplace.events;

/** A discussion topic (a podcast episode, an article) was opened; {@code url} and {@code description} may be null. */
public record TopicOpened(String topicId, String title, String url, String normalizedUrl, String description,
                          String authorId, String authorName) implements DiscussionEvent {
}
