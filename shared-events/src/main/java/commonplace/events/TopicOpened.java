package commonplace.events;

import commonplace.events.privacy.Redacted;

/** A discussion topic (a podcast episode, an article) was opened; {@code url} and {@code description} may be null. */
public record TopicOpened(String topicId, String title, String url, String normalizedUrl, String description,
                          String authorId, String authorName) implements DiscussionEvent {

    /** Prints without its personal fields: payloads end up in framework logs. */
    @Override
    public String toString() {
        return Redacted.describe(this);
    }
}
