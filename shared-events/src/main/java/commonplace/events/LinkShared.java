package commonplace.events;

import commonplace.events.privacy.Redacted;

/**
 * A link was shared in a topic: found in a posted or edited body ({@link LinkOrigin#BODY}, {@code commentId} is
 * that comment) or shared explicitly ({@link LinkOrigin#SHARE}, {@code commentId} is the optional parent comment).
 * {@code url} is the address as written; {@code normalizedUrl} has a lower-case host, no fragment and no default
 * port; {@code domain} is the lower-case host. {@code commentId} and {@code note} may be null.
 */
public record LinkShared(String topicId, String shareId, String commentId, LinkOrigin origin, String url,
                         String normalizedUrl, String domain, String note,
                         String authorId, String authorName) implements DiscussionEvent {

    /** Prints without its personal fields: payloads end up in framework logs. */
    @Override
    public String toString() {
        return Redacted.describe(this);
    }
}
