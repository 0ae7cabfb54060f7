package commonplace.events;

import commonplace.events.privacy.Redacted;

/**
 * A discussion topic (a podcast episode, an article) was opened; {@code url} and {@code description} may be null.
 * {@code imported} is set when the topic came from an export, else null.
 */
public record TopicOpened(String topicId, String title, String url, String normalizedUrl, String description,
                          String authorId, String authorName, Imported imported) implements DiscussionEvent {

    /** A topic opened here, not imported. */
    public TopicOpened(String topicId, String title, String url, String normalizedUrl, String description,
                       String authorId, String authorName) {
        this(topicId, title, url, normalizedUrl, description, authorId, authorName, null);
    }

    /** Prints without its personal fields: payloads end up in framework logs. */
    @Override
    public String toString() {
        return Redacted.describe(this);
    }
}
