package commonplace.query.page;

import commonplace.query.ingest.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the pages show of the {@code topic} read model: one topic's heading, and the index of active topics. */
@Component
class PageQueries {

    /** A topic as a page shows it; the text fields are null until its opening event has been seen. */
    record TopicHeading(String topicId, String title, String url, String description, int commentCount,
                        Instant lastActivityAt) {
    }

    private static final String COLUMNS = "topic_id, title, url, description, comment_count, last_activity_at";

    private final JdbcTemplate jdbc;

    PageQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TopicHeading> topic(String topicId) {
        return jdbc.query("select " + COLUMNS + " from topic where topic_id = ?", PageQueries::heading, topicId)
                .stream().findFirst();
    }

    /** The topics with the most recent activity first (the {@code topic_by_activity} index), at most {@code limit}. */
    List<TopicHeading> mostActive(int limit) {
        return jdbc.query("select " + COLUMNS + " from topic order by last_activity_at desc, topic_id desc limit ?",
                PageQueries::heading, limit);
    }

    private static TopicHeading heading(java.sql.ResultSet row, int index) throws java.sql.SQLException {
        return new TopicHeading(row.getString("topic_id"), row.getString("title"), row.getString("url"),
                row.getString("description"), row.getInt("comment_count"), Sql.instant(row, "last_activity_at"));
    }
}
