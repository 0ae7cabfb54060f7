package commonplace.query.authorhistory;

import commonplace.query.activity.ActivityEntry;
import commonplace.query.activity.ActivityRows;
import commonplace.query.ingest.Sql;
import commonplace.query.web.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Reads an author's history newest first, keyset-paged on (occurredAt, topicId, sequence). */
@Component
class AuthorHistoryQueries {

    private static final String SELECT =
            "select " + ActivityRows.COLUMNS + " from activity where author_id = ? ";
    private static final String ORDER = " order by occurred_at desc, topic_id desc, sequence desc limit ?";

    private final JdbcTemplate jdbc;

    AuthorHistoryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The page of {@code authorId}'s history after {@code after} (null for the first page). */
    Page<HistoryItem> history(String authorId, HistoryCursor after, int limit) {
        return Page.fetch(limit, count -> entries(authorId, after, count), last -> HistoryCursor.after(last).encode())
                .map(HistoryItem::of);
    }

    private List<ActivityEntry> entries(String authorId, HistoryCursor after, int count) {
        if (after == null) {
            return jdbc.query(SELECT + ORDER, ActivityRows.MAPPER, authorId, count);
        }
        return jdbc.query(SELECT + "and (occurred_at, topic_id, sequence) < (?, ?, ?)" + ORDER, ActivityRows.MAPPER,
                authorId, Sql.timestamp(after.occurredAt()), after.topicId(), after.sequence(), count);
    }
}
