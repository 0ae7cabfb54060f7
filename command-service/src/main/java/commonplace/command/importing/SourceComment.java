package commonplace.command.importing;

import java.time.Instant;
import java.util.List;

/**
 * One comment or reply, as the export has it.
 *
 * @param sourceId       the export's key for it (Disqus {@code dsq:id}, WordPress {@code wp:comment_id})
 * @param topicSourceId  the {@link SourceTopic#sourceId()} of its page
 * @param parentSourceId the source id of the comment it answers; null for a top-level comment
 * @param author         who wrote it
 * @param createdAt      the source's time for it, in UTC; null when absent or unreadable (then a note says so)
 * @param html           the message as the source stores it: HTML for Disqus, WordPress's text with line breaks and
 *                       a little HTML; at most {@link #HTML_MAX} characters
 * @param htmlCut        whether the message was longer than {@link #HTML_MAX} and only its beginning was kept
 * @param state          how the source shows it
 * @param type           the source's kind of comment: {@code comment}, or WordPress's {@code pingback},
 *                       {@code trackback} and any other {@code comment_type}
 * @param notes          what the reader had to guess or cut, each a report reason; never what a person wrote
 */
public record SourceComment(String sourceId, String topicSourceId, String parentSourceId, SourceAuthor author,
                            Instant createdAt, String html, boolean htmlCut, SourceState state, String type,
                            List<String> notes) {

    /** The most of one message a reader keeps: far more than any 20,000-character body needs as HTML. */
    public static final int HTML_MAX = 1 << 20;

    /** The {@link #type()} of an ordinary comment. */
    public static final String ORDINARY = "comment";

    public SourceComment {
        notes = List.copyOf(notes);
    }

    @Override
    public String toString() {
        return "SourceComment[sourceId=" + sourceId + ", topicSourceId=" + topicSourceId + ", parentSourceId="
                + parentSourceId + ", createdAt=" + createdAt + ", state=" + state + ", type=" + type + "]";
    }
}
