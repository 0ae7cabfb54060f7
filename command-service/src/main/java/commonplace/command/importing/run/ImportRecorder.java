package commonplace.command.importing.run;

import commonplace.command.directory.CommentDirectory;
import commonplace.command.identity.Author;
import commonplace.command.privacy.CachedDataKeys;
import commonplace.command.importing.SourceFormat;
import commonplace.command.importing.mapping.ImportedIds;
import commonplace.command.importing.run.ImportRuns.RunInfo;
import commonplace.command.importing.run.TopicPlan.Entry;
import commonplace.command.importing.run.TopicPlan.Staged;
import commonplace.command.topic.model.Commands.ImportComments;
import commonplace.command.topic.model.Commands.ImportedComment;
import commonplace.command.topic.model.Commands.ImportedTopic;
import commonplace.command.topic.model.Results.ImportOutcome;
import commonplace.command.topic.model.Results.ImportResult;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Records a staged import, topic by topic, through the Topic aggregate ({@link ImportComments}, many comments per
 * command, many commands per transaction: {@link ChunkedTransaction}), and deletes each topic's staged rows with its
 * last part, so that what people wrote is kept in staging no longer than needed. Safe to run again on the same import
 * after a stop: what was recorded is found recorded (the topic knows every comment id, and ids derive from the source
 * ids).
 */
@Component
class ImportRecorder {

    private static final Logger log = LoggerFactory.getLogger(ImportRecorder.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway gateway;
    private final ImportRuns runs;
    private final ImportedItems items;
    private final CommentDirectory directory;
    private final CachedDataKeys dataKeys;
    private final TransactionTemplate transaction;
    private final TransactionManager transactions;
    private final Cache topicCache;
    private final int batchSize;
    private final int chunkSize;

    ImportRecorder(JdbcTemplate jdbc, CommandGateway gateway, ImportRuns runs, ImportedItems items,
                   CommentDirectory directory, CachedDataKeys dataKeys, TransactionTemplate transaction, TransactionManager transactions,
                   @Qualifier("topicCache") Cache topicCache,
                   @Value("${commonplace.import.batch-size}") int batchSize,
                   @Value("${commonplace.import.chunk-size}") int chunkSize) {
        this.jdbc = jdbc;
        this.gateway = gateway;
        this.runs = runs;
        this.items = items;
        this.directory = directory;
        this.dataKeys = dataKeys;
        this.transaction = transaction;
        this.transactions = transactions;
        this.topicCache = topicCache;
        this.batchSize = batchSize;
        this.chunkSize = chunkSize;
    }

    /** Records the import to its end, or marks it failed (its staged rows deleted; running the file again finishes it). */
    void record(String importId) {
        RunInfo run = runs.info(importId);
        ChunkedTransaction chunk = new ChunkedTransaction(transactions, topicCache, chunkSize);
        try {
            refreshStagingStatistics();
            List<StagedTopic> topics = stagedTopics(importId);
            reportCommentsWithoutTopic(run, topics);
            boolean seenBefore = items.anyRecorded(source(run));
            for (StagedTopic topic : topics) {
                chunk.open();
                record(run, topic, chunk, seenBefore);
            }
            chunk.commit();
            transaction.executeWithoutResult(status -> {
                runs.finish(importId, ImportReport.COMPLETED, null);
                jdbc.update("delete from import_staged_topic where import_id = ?", importId);
            });
            log.info("import {} completed", importId);
        } catch (RuntimeException e) {
            chunk.rollback();
            // the causes' types only: a failed batch's message can quote the rows it held, names and texts among them
            log.warn("import {} failed ({}); running the same file again finishes it", importId, causes(e));
            transaction.executeWithoutResult(status -> {
                runs.finish(importId, ImportReport.FAILED, "recording stopped: " + e.getClass().getSimpleName()
                        + "; what was recorded stays, and running the same file again imports the rest");
                jdbc.update("delete from import_staged_comment where import_id = ?", importId);
                jdbc.update("delete from import_staged_topic where import_id = ?", importId);
            });
        }
    }

    /**
     * The staging tables were just filled in bulk (or, resuming, partly emptied), and their statistics still describe
     * whatever autovacuum last saw, often another import's rows. One benchmark import in three or so then spent 15 ms
     * on each per-topic select and delete below (a thousand topics, half the import's speed, all of it PostgreSQL's
     * CPU: the cost of reading the whole import's staging each time); none has since. Only the columns they look up
     * by: a sample of the table, once per import, and no name or text copied into PostgreSQL's statistics.
     */
    private void refreshStagingStatistics() {
        jdbc.execute("analyze import_staged_topic (import_id, topic_source_id),"
                + " import_staged_comment (import_id, topic_source_id, source_id)");
    }

    private record StagedTopic(String sourceId, String topicId, String title, String url, Instant sourceTime,
                               boolean closed, String skipped) {
    }

    private List<StagedTopic> stagedTopics(String importId) {
        return jdbc.query("select topic_source_id, topic_id, title, url, source_time, closed, skipped"
                        + " from import_staged_topic where import_id = ? order by topic_source_id",
                (rs, n) -> new StagedTopic(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs.getTimestamp(5)), rs.getBoolean(6), rs.getString(7)), importId);
    }

    /**
     * Comments naming a page the export does not list: reported, never guessed onto another page. Found by comparing
     * the pages the comments name with the staged pages in memory (a thousand ids or so), not by an anti-join: the
     * staging tables were just filled, so PostgreSQL has no statistics for them yet and chose a nested loop over every
     * staged comment and page (seconds per 100,000 comments, ahead of everything else).
     */
    private void reportCommentsWithoutTopic(RunInfo run, List<StagedTopic> topics) {
        Set<String> staged = new HashSet<>();
        topics.forEach(topic -> staged.add(topic.sourceId()));
        String[] missing = jdbc.queryForList("select distinct topic_source_id from import_staged_comment"
                        + " where import_id = ?", String.class, run.importId()).stream()
                .filter(topicSourceId -> !staged.contains(topicSourceId)).toArray(String[]::new);
        if (missing.length == 0) {
            return;
        }
        List<String> orphans = jdbc.query(connection -> {
            var statement = connection.prepareStatement("select source_id from import_staged_comment"
                    + " where import_id = ? and action <> 'skip' and topic_source_id = any(?) order by source_id");
            statement.setString(1, run.importId());
            statement.setArray(2, connection.createArrayOf("text", missing));
            return statement;
        }, (rs, n) -> rs.getString(1));
        transaction.executeWithoutResult(status -> {
            runs.addLines(run.importId(), orphans.stream().map(sourceId -> ReportLine.skipped("comment", sourceId,
                    "names a page (thread) the export does not have")).toList());
            runs.addCounts(run.importId(), new ImportCounts(0, 0, 0, 0, orphans.size(), 0, 0));
            jdbc.update(connection -> {
                var statement = connection.prepareStatement("delete from import_staged_comment"
                        + " where import_id = ? and topic_source_id = any(?)");
                statement.setString(1, run.importId());
                statement.setArray(2, connection.createArrayOf("text", missing));
                return statement;
            });
        });
    }

    /** {@code seenBefore}: whether anything of the source was recorded before; if not, nothing is looked up. */
    private void record(RunInfo run, StagedTopic topic, ChunkedTransaction chunk, boolean seenBefore) {
        if (topic.skipped() != null) {
            skipWholeTopic(run, topic);
            chunk.recorded(topic.topicId(), 1);
            return;
        }
        String source = source(run);
        List<Staged> staged = jdbc.query("select source_id, parent_source_id, comment_id, action, source_time"
                        + " from import_staged_comment where import_id = ? and topic_source_id = ?",
                (rs, n) -> new Staged(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs.getTimestamp(5))), run.importId(), topic.sourceId());
        SourceFormat format = SourceFormat.byKey(run.format()).orElseThrow();
        List<Entry> ordered = TopicPlan.order(staged, parent -> ImportedIds.commentId(format, run.site(), parent));
        boolean topicKnown = seenBefore && items.topicRecorded(source, topic.sourceId());
        Instant topicTime = topic.sourceTime() != null ? topic.sourceTime()
                : ordered.stream().map(entry -> entry.comment().sourceTime()).filter(Objects::nonNull)
                .findFirst().orElse(run.createdAt());
        ImportedTopic importedTopic = new ImportedTopic(topic.title(), topic.url(), source, topic.sourceId(), topicTime);
        Author importer = new Author(run.importerId(), run.importerName(), true);
        boolean mustOpen = !topicKnown;
        int from = 0;
        do {
            chunk.open();
            List<Entry> part = ordered.subList(from, Math.min(from + batchSize, ordered.size()));
            boolean last = from + batchSize >= ordered.size();
            recordPart(run, topic, importedTopic, importer, part, last && topic.closed(), mustOpen, seenBefore);
            mustOpen = false;
            if (last) {
                items.recordTopic(source, topic.sourceId(), topic.topicId(), run.importId());
                jdbc.update("delete from import_staged_comment where import_id = ? and topic_source_id = ?",
                        run.importId(), topic.sourceId());
                jdbc.update("delete from import_staged_topic where import_id = ? and topic_source_id = ?",
                        run.importId(), topic.sourceId());
            }
            chunk.recorded(topic.topicId(), Math.max(1, part.size()));
            from += batchSize;
        } while (from < ordered.size());
    }

    /** One command's worth of a topic's comments, and its bookkeeping, in the chunk's transaction. */
    private void recordPart(RunInfo run, StagedTopic topic, ImportedTopic importedTopic, Author importer,
                            List<Entry> part, boolean lockAfter, boolean mustOpen, boolean seenBefore) {
        String source = source(run);
        Map<String, StagedText> texts = texts(run.importId(), topic.sourceId(), part);
        Map<String, ImportedItems.Known> known = !seenBefore ? Map.of() : items.comments(source,
                part.stream().map(entry -> entry.comment().sourceId()).toList());
        List<ImportedComment> toSend = new ArrayList<>(part.size());
        Map<String, Entry> entryByCommentId = new HashMap<>();
        int alreadyThere = 0;
        for (Entry entry : part) {
            Staged comment = entry.comment();
            StagedText text = texts.get(comment.sourceId());
            boolean deleted = comment.action().equals("retracted");
            ImportedItems.Known before = known.get(comment.sourceId());
            if (before != null && items.unchanged(before, text.body(), deleted)) {
                alreadyThere++;
                continue;
            }
            Instant at = comment.sourceTime() != null ? comment.sourceTime() : importedTopic.at();
            toSend.add(new ImportedComment(comment.commentId(), entry.parentCommentId(), text.body(),
                    text.authorId(), text.authorName(), source, comment.sourceId(), at, deleted));
            entryByCommentId.put(comment.commentId(), entry);
        }
        ImportCounts unchanged = new ImportCounts(0, 0, 0, 0, 0, 0, alreadyThere);
        if (toSend.isEmpty() && !lockAfter && !mustOpen) {
            runs.addCounts(run.importId(), unchanged);
            return;
        }
        // the part's new authors get their data keys together here, not one transaction each as the topic meets them
        dataKeys.keysInUse(toSend.stream().map(ImportedComment::authorId).collect(Collectors.toSet()));
        ImportResult result = gateway.sendAndWait(new ImportComments(topic.topicId(), importedTopic, toSend,
                lockAfter, run.createdAt(), importer));
        Outcomes outcomes = Outcomes.of(result, entryByCommentId, toSend);
        runs.addLines(run.importId(), outcomes.lines());
        runs.addCounts(run.importId(), outcomes.counts().plus(unchanged));
        items.recordComments(source, topic.topicId(), run.importId(), outcomes.recorded());
        List<String> created = new ArrayList<>();
        for (ImportOutcome outcome : result.outcomes()) {
            switch (outcome.kind()) {
                case COMMENT, REPLY, RETRACTED_NEW -> created.add(outcome.commentId());
                default -> {
                }
            }
        }
        directory.recordImported(topic.topicId(), created);
    }

    private void skipWholeTopic(RunInfo run, StagedTopic topic) {
        List<String> comments = jdbc.queryForList("select source_id from import_staged_comment where import_id = ?"
                + " and topic_source_id = ? and action <> 'skip' order by source_id", String.class,
                run.importId(), topic.sourceId());
        runs.addLines(run.importId(), comments.stream().map(sourceId -> ReportLine.skipped("comment", sourceId,
                "its page is not imported: " + topic.skipped())).toList());
        runs.addCounts(run.importId(), new ImportCounts(0, 0, 0, 0, comments.size(), 0, 0));
        jdbc.update("delete from import_staged_comment where import_id = ? and topic_source_id = ?",
                run.importId(), topic.sourceId());
        jdbc.update("delete from import_staged_topic where import_id = ? and topic_source_id = ?",
                run.importId(), topic.sourceId());
    }

    private record StagedText(String authorId, String authorName, String body) {
    }

    /**
     * The part's texts, looked up within its topic: by the source ids alone PostgreSQL, without statistics for the
     * freshly staged rows, came to scan the whole import's staging for each part (tens of milliseconds each).
     */
    private Map<String, StagedText> texts(String importId, String topicSourceId, List<Entry> part) {
        Map<String, StagedText> texts = new HashMap<>();
        if (part.isEmpty()) {
            return texts;
        }
        String[] sourceIds = part.stream().map(entry -> entry.comment().sourceId()).toArray(String[]::new);
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("select source_id, author_id, author_name, body"
                    + " from import_staged_comment where import_id = ? and topic_source_id = ? and source_id = any(?)");
            statement.setString(1, importId);
            statement.setString(2, topicSourceId);
            statement.setArray(3, connection.createArrayOf("text", sourceIds));
            return statement;
        }, rs -> {
            texts.put(rs.getString(1), new StagedText(rs.getString(2), rs.getString(3), rs.getString(4)));
        });
        return texts;
    }

    private static String causes(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null && chain.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
            chain.append(chain.length() == 0 ? "" : " <- ").append(t.getClass().getName());
            if (t instanceof java.sql.SQLException sql) {
                chain.append(" SQLState ").append(sql.getSQLState());
            }
        }
        return chain.toString();
    }

    static String source(RunInfo run) {
        return run.site().isEmpty() ? run.format() : run.format() + ":" + run.site();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
