package commonplace.command.importing.run;

import commonplace.command.importing.SourceKind;
import commonplace.command.importing.mapping.PlanSink;
import commonplace.command.importing.mapping.PlannedComment;
import commonplace.command.importing.mapping.PlannedTopic;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes an import's plan into the staging tables as the export is read, in batches, with the report lines of
 * everything the planner skipped or changed. Holds no more than one batch: the export is never in memory. An item
 * whose source id the export lists twice keeps its first entry (reported).
 */
final class StagingSink implements PlanSink {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final ImportRuns runs;
    private final String importId;
    private final List<PlannedTopic> topics = new ArrayList<>();
    private final List<PlannedComment> comments = new ArrayList<>();
    private final List<ReportLine> lines = new ArrayList<>();
    private int skipped;

    StagingSink(JdbcTemplate jdbc, ImportRuns runs, String importId) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.importId = importId;
    }

    @Override
    public void topic(PlannedTopic topic) {
        topic.changes().forEach(change -> line(ReportLine.changed("topic", topic.sourceId(), change)));
        if (topic.skipped() != null) {
            line(ReportLine.skipped("topic", topic.sourceId(), topic.skipped()));
        }
        topics.add(topic);
        if (topics.size() >= BATCH) {
            flushTopics();
        }
    }

    @Override
    public void comment(PlannedComment comment) {
        comment.changes().forEach(change -> line(ReportLine.changed("comment", comment.sourceId(), change)));
        if (comment.action() == PlannedComment.Action.SKIP) {
            skipped++;
            line(ReportLine.skipped("comment", comment.sourceId(), comment.skipped()));
        }
        comments.add(comment);
        if (comments.size() >= BATCH) {
            flushComments();
        }
    }

    @Override
    public void unreadable(SourceKind kind, String sourceId, String reason) {
        if (kind != SourceKind.TOPIC) {
            skipped++;
        }
        line(ReportLine.skipped(kind.name().toLowerCase(Locale.ROOT), sourceId, reason));
    }

    /** Writes what is still held; the counts of what was skipped while reading. */
    ImportCounts finish() {
        flushTopics();
        flushComments();
        reportRepeatsAcrossBatches();
        flushLines();
        return new ImportCounts(0, 0, 0, 0, skipped, 0, 0);
    }

    private void line(ReportLine line) {
        lines.add(line);
        if (lines.size() >= BATCH) {
            flushLines();
        }
    }

    private void flushLines() {
        runs.addLines(importId, lines);
        lines.clear();
    }

    private void flushTopics() {
        if (topics.isEmpty()) {
            return;
        }
        List<PlannedTopic> distinct = firstOfEach("topic", topics, PlannedTopic::sourceId);
        jdbc.batchUpdate("insert into import_staged_topic (import_id, topic_source_id, topic_id, title, url,"
                        + " source_time, closed, skipped) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (import_id,"
                        + " topic_source_id) do update set repeats = import_staged_topic.repeats + 1", distinct, BATCH,
                (statement, topic) -> {
                    statement.setString(1, importId);
                    statement.setString(2, topic.sourceId());
                    statement.setString(3, topic.topicId());
                    statement.setString(4, topic.title());
                    statement.setString(5, topic.url());
                    statement.setObject(6, timestamp(topic.createdAt()));
                    statement.setBoolean(7, topic.closed());
                    statement.setString(8, topic.skipped());
                });
        topics.clear();
    }

    private void flushComments() {
        if (comments.isEmpty()) {
            return;
        }
        List<PlannedComment> distinct = firstOfEach("comment", comments, PlannedComment::sourceId);
        jdbc.batchUpdate("insert into import_staged_comment (import_id, source_id, topic_source_id,"
                        + " parent_source_id, comment_id, action, author_id, author_name, source_time, body)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (import_id, source_id)"
                        + " do update set repeats = import_staged_comment.repeats + 1",
                distinct, BATCH, (statement, comment) -> {
                    boolean kept = comment.action() != PlannedComment.Action.SKIP;
                    statement.setString(1, importId);
                    statement.setString(2, comment.sourceId());
                    statement.setString(3, comment.topicSourceId());
                    statement.setString(4, comment.parentSourceId());
                    statement.setString(5, comment.commentId());
                    statement.setString(6, switch (comment.action()) {
                        case POST -> "post";
                        case POST_RETRACTED -> "retracted";
                        case SKIP -> "skip";
                    });
                    statement.setString(7, kept ? comment.authorId() : null);
                    statement.setString(8, kept ? comment.authorName() : null);
                    statement.setObject(9, timestamp(comment.sourceTime()));
                    statement.setString(10, kept ? comment.body() : null);
                });
        comments.clear();
    }

    /**
     * The batch without the entries whose source id it already holds (reported now; one multi-row insert cannot
     * meet the same key twice); a repeat of an id of an earlier batch is counted by the insert and reported at the end.
     */
    private <T> List<T> firstOfEach(String kind, List<T> batch, java.util.function.Function<T, String> sourceId) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<T> distinct = new ArrayList<>(batch.size());
        for (T item : batch) {
            if (seen.add(sourceId.apply(item))) {
                distinct.add(item);
            } else {
                repeated(kind, sourceId.apply(item), 1);
            }
        }
        return distinct;
    }

    private void reportRepeatsAcrossBatches() {
        jdbc.query("select topic_source_id, repeats from import_staged_topic where import_id = ? and repeats > 0",
                rs -> {
                    repeated("topic", rs.getString(1), rs.getInt(2));
                }, importId);
        jdbc.query("select source_id, repeats from import_staged_comment where import_id = ? and repeats > 0",
                rs -> {
                    repeated("comment", rs.getString(1), rs.getInt(2));
                }, importId);
    }

    private void repeated(String kind, String sourceId, int times) {
        if (kind.equals("comment")) {
            skipped += times;
        }
        for (int i = 0; i < times; i++) {
            line(ReportLine.skipped(kind, sourceId, "the export lists this id more than once; the first is imported"));
        }
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
