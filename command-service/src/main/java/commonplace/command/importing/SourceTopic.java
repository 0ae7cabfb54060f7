package commonplace.command.importing;

import java.time.Instant;
import java.util.List;

/**
 * A page with a discussion, as the export describes it.
 *
 * @param sourceId   the export's own key for it (Disqus {@code dsq:id}, WordPress {@code wp:post_id}); comments name
 *                   their topic by it
 * @param identifier the site's identifier for the page (Disqus {@code <id>}, WordPress {@code wp:post_name}); null
 *                   when the export has none
 * @param title      the page title; may be null
 * @param url        the page address ({@code <link>}); may be null
 * @param createdAt  when the source says the page or its thread was created; null when absent or unreadable
 * @param visibility whether the page is public in the source
 * @param closed     whether the source closed the discussion to new comments
 * @param notes      what the reader had to guess or cut, each a report reason; never what a person wrote
 */
public record SourceTopic(String sourceId, String identifier, String title, String url, Instant createdAt,
                          Visibility visibility, boolean closed, List<String> notes) {

    /** Whether readers of the source could see the page. */
    public enum Visibility {
        PUBLIC,
        /** Deleted in the source (Disqus {@code isDeleted} on a thread). */
        DELETED,
        /** Not public: a draft, private or password-protected WordPress item. */
        NOT_PUBLIC
    }

    public SourceTopic {
        notes = List.copyOf(notes);
    }
}
