package commonplace.events;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an imported item came from: {@code source} names the export's format (and site, as {@code wordpress:blog2}),
 * {@code sourceId} is the export's key for the item, and {@code at} is the source's original time for it. Readers show
 * and sort an imported item by {@code at} rather than by when it was recorded. Absent on everything written here.
 */
public record Imported(String source, String sourceId, Instant at) {

    public Imported {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(at, "at");
    }

    /** Where {@code event} came from, when it was imported; null for everything written here. */
    public static Imported of(DiscussionEvent event) {
        if (event instanceof TopicOpened e) {
            return e.imported();
        } else if (event instanceof CommentPosted e) {
            return e.imported();
        } else if (event instanceof ReplyPosted e) {
            return e.imported();
        } else if (event instanceof CommentEdited e) {
            return e.imported();
        } else if (event instanceof CommentRetracted e) {
            return e.imported();
        }
        return null;
    }

    /** The time to show and sort {@code event} by: the source's time when it was imported, else {@code occurredAt}. */
    public static Instant shownAt(DiscussionEvent event, Instant occurredAt) {
        Imported imported = of(event);
        return imported == null ? occurredAt : imported.at();
    }
}
