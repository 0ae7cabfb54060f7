package commonplace.query.activity;

import commonplace.events.CommentRetracted;
import commonplace.query.ingest.AppliedEvent;
import commonplace.query.ingest.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.List;

/**
 * Writes and reads activity tables (the topic timeline and the author history share one row shape). The table
 * name is always a constant of the calling projection, never input.
 */
public final class ActivityRows {

    public static final String COLUMNS =
            "topic_id, sequence, type, occurred_at, comment_id, author_id, author_name, summary";

    public static final RowMapper<ActivityEntry> MAPPER = (row, index) -> new ActivityEntry(
            row.getString("topic_id"), row.getLong("sequence"), row.getString("type"),
            Sql.instant(row, "occurred_at"), row.getString("comment_id"), row.getString("author_id"),
            row.getString("author_name"), row.getString("summary"), null);

    private ActivityRows() {
    }

    /** Inserts an entry per event, then blanks the quotes of comments retracted in the batch. */
    public static void write(JdbcTemplate tx, String table, List<AppliedEvent> batch) {
        tx.batchUpdate("insert into " + table + " (" + COLUMNS + ", summary_if_retracted) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (topic_id, sequence) do nothing",
                batch.stream().map(ActivityEntry::of).map(entry -> new Object[]{
                        entry.topicId(), entry.sequence(), entry.type(), Sql.timestamp(entry.occurredAt()),
                        entry.commentId(), entry.authorId(), entry.authorName(), entry.summary(),
                        entry.summaryIfRetracted()}).toList());
        List<Object[]> retractions = batch.stream()
                .filter(applied -> applied.event() instanceof CommentRetracted)
                .map(applied -> new Object[]{applied.topicId(), ((CommentRetracted) applied.event()).commentId()})
                .toList();
        if (!retractions.isEmpty()) {
            tx.batchUpdate("update " + table + " set summary = summary_if_retracted, summary_if_retracted = null "
                    + "where topic_id = ? and comment_id = ? and summary_if_retracted is not null", retractions);
        }
    }
}
