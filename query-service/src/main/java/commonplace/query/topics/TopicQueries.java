package commonplace.query.topics;

import commonplace.query.ingest.Sql;
import commonplace.query.web.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Reads topic summaries: the list most recently active first (keyset on last activity and id), and one topic. */
@Component
class TopicQueries {

    private static final String SELECT = "select " + TopicSummary.COLUMNS + " from topic ";
    private static final String ORDER = " order by last_activity_at desc, topic_id desc limit ?";

    private final JdbcTemplate jdbc;

    TopicQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The page of topics after {@code after} (null for the first page). */
    Page<TopicSummary> mostRecentlyActive(TopicsCursor after, int limit) {
        return Page.fetch(limit, count -> after == null
                        ? jdbc.query(SELECT + ORDER, TopicSummary.MAPPER, count)
                        : jdbc.query(SELECT + "where (last_activity_at, topic_id) < (?, ?)" + ORDER,
                                TopicSummary.MAPPER, Sql.timestamp(after.lastActivityAt()), after.topicId(), count),
                last -> TopicsCursor.after(last).encode());
    }

    Optional<TopicSummary> topic(String topicId) {
        List<TopicSummary> found = jdbc.query(SELECT + "where topic_id = ?", TopicSummary.MAPPER, topicId);
        return found.stream().findFirst();
    }
}
