package commonplace.query.activity;

import commonplace.events.CommentRetracted;
import commonplace.query.ingest.AppendOnlyRows;
import commonplace.query.ingest.AppliedEvent;
import commonplace.query.ingest.ArrayInsert.Column;
import commonplace.query.ingest.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static commonplace.query.ingest.ArrayInsert.column;

/** Writes and reads table {@code activity}, which the topic timeline and the author history share. */
public final class ActivityRows {

    private static final String TABLE = "activity";
    public static final String COLUMNS =
            "topic_id, sequence, type, occurred_at, comment_id, author_id, author_name, summary";
    private static final List<Column> WRITTEN_COLUMNS = List.of(column("topic_id", "text"),
            column("sequence", "bigint"), column("type", "text"), column("occurred_at", "timestamptz"),
            column("comment_id", "text"), column("author_id", "text"), column("author_name", "text"),
            column("summary", "text"), column("summary_if_retracted", "text"));

    public static final RowMapper<ActivityEntry> MAPPER = (row, index) -> new ActivityEntry(
            row.getString("topic_id"), row.getLong("sequence"), row.getString("type"),
            Sql.instant(row, "occurred_at"), row.getString("comment_id"), row.getString("author_id"),
            row.getString("author_name"), row.getString("summary"), null);

    private ActivityRows() {
    }

    /**
     * Inserts an entry per event, then blanks the quotes of comments retracted in the batch: entries of the batch
     * itself are written blank already, older ones are changed with one statement.
     */
    public static void write(JdbcTemplate tx, List<AppliedEvent> batch) {
        Set<String> retractedNow = new HashSet<>();
        for (AppliedEvent applied : batch) {
            if (applied.event() instanceof CommentRetracted retraction) {
                retractedNow.add(key(applied.topicId(), retraction.commentId()));
            }
        }
        Set<String> quotedInBatch = new HashSet<>();
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (AppliedEvent applied : batch) {
            ActivityEntry entry = ActivityEntry.of(applied);
            String summary = entry.summary();
            String summaryIfRetracted = entry.summaryIfRetracted();
            // an entry quoting a comment precedes the comment's retraction: the comment being posted, or a link on it
            if (summaryIfRetracted != null && retractedNow.contains(key(entry.topicId(), entry.commentId()))) {
                if (!"LinkShared".equals(entry.type())) {
                    // the comment was posted in this batch, so every entry quoting it is in the batch too
                    quotedInBatch.add(key(entry.topicId(), entry.commentId()));
                }
                summary = summaryIfRetracted;
                summaryIfRetracted = null;
            }
            rows.add(new Object[]{entry.topicId(), entry.sequence(), entry.type(), Sql.timestamp(entry.occurredAt()),
                    entry.commentId(), entry.authorId(), entry.authorName(), summary, summaryIfRetracted});
        }
        AppendOnlyRows.insert(tx, TABLE, WRITTEN_COLUMNS, rows);
        List<AppliedEvent> olderQuotes = batch.stream()
                .filter(applied -> applied.event() instanceof CommentRetracted retraction
                        && !quotedInBatch.contains(key(applied.topicId(), retraction.commentId())))
                .toList();
        if (!olderQuotes.isEmpty()) {
            // comment_id = any(...) lets the partial index on quoting entries find the rows
            String[] commentIds = olderQuotes.stream()
                    .map(applied -> ((CommentRetracted) applied.event()).commentId()).toArray(String[]::new);
            tx.update("update " + TABLE + " set summary = summary_if_retracted, summary_if_retracted = null "
                            + "where comment_id = any(?) and summary_if_retracted is not null and (topic_id, comment_id) "
                            + "in (select * from unnest(cast(? as text[]), cast(? as text[])))",
                    commentIds, olderQuotes.stream().map(AppliedEvent::topicId).toArray(String[]::new), commentIds);
        }
    }

    private static String key(String topicId, String commentId) {
        return topicId + '\n' + commentId;
    }
}
