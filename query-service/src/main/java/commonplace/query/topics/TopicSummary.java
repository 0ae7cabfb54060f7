package commonplace.query.topics;

import commonplace.query.ingest.Sql;
import commonplace.query.web.Author;
import org.springframework.jdbc.core.RowMapper;

import java.time.Instant;

/**
 * A topic as listed. {@code commentCount} counts comments and replies that are not retracted; {@code openedBy}
 * and the text fields are null for a topic whose opening event has not been seen.
 */
record TopicSummary(String topicId, String title, String url, String normalizedUrl, String description,
                    Instant openedAt, Author openedBy, int commentCount, Instant lastActivityAt, long lastSequence,
                    boolean locked) {

    static final String COLUMNS = "topic_id, title, url, normalized_url, description, opened_at, opened_by_id, "
            + "opened_by_name, comment_count, last_activity_at, last_sequence, locked";

    static final RowMapper<TopicSummary> MAPPER = (row, index) -> new TopicSummary(
            row.getString("topic_id"), row.getString("title"), row.getString("url"), row.getString("normalized_url"),
            row.getString("description"), Sql.instant(row, "opened_at"),
            row.getString("opened_by_id") == null ? null
                    : new Author(row.getString("opened_by_id"), row.getString("opened_by_name")),
            row.getInt("comment_count"), Sql.instant(row, "last_activity_at"), row.getLong("last_sequence"),
            row.getBoolean("locked"));
}
