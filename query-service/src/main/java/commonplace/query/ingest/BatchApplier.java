package commonplace.query.ingest;

import commonplace.query.ingest.DeadLetters.DeadLetter;
import commonplace.query.ingest.RecordReader.Reading;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies one poll batch in one PostgreSQL transaction: every projection, the per-topic progress, the dead letters
 * and the consumed offsets commit together or not at all. A redelivered event is skipped by its sequence.
 */
@Component
public class BatchApplier {

    private static final Logger log = LoggerFactory.getLogger(BatchApplier.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final List<Projection> projections;

    public BatchApplier(JdbcTemplate jdbc, TransactionTemplate transactions, List<Projection> projections) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.projections = List.copyOf(projections);
    }

    public List<Projection> projections() {
        return projections;
    }

    /**
     * Applies {@code records} (in partition order) and stores the offsets after them.
     *
     * @throws RuntimeException when the database is unreachable or the transaction could not complete for a
     *                          passing reason: nothing was stored, the caller should offer the records again later
     */
    public BatchOutcome apply(List<ConsumerRecord<String, byte[]>> records) {
        try {
            return transactions.execute(status -> applyInOneTransaction(records));
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw e;
            }
            if (records.size() == 1) {
                return setAside(records.get(0), e);
            }
            // a record the projections cannot take: find it by applying one record per transaction
            log.warn("A batch of {} records failed ({}); applying them one at a time", records.size(),
                    e.getClass().getSimpleName());
            BatchOutcome total = BatchOutcome.empty();
            for (ConsumerRecord<String, byte[]> record : records) {
                total = total.plus(apply(List.of(record)));
            }
            return total;
        }
    }

    private BatchOutcome applyInOneTransaction(List<ConsumerRecord<String, byte[]>> records) {
        List<AppliedEvent> readable = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        Map<String, Map<Integer, Long>> nextOffsets = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Reading reading = RecordReader.read(record);
            if (reading.event() != null) {
                readable.add(reading.event());
            } else {
                log.warn("Dead-lettering record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        withoutQuotes(reading.problem()));
                deadLetters.add(new DeadLetter(record, reading.problem()));
            }
            nextOffsets.computeIfAbsent(record.topic(), kafkaTopic -> new TreeMap<>())
                    .merge(record.partition(), record.offset() + 1, Math::max);
        }

        TreeSet<String> topicIds = new TreeSet<>();
        readable.forEach(event -> topicIds.add(event.topicId()));
        Map<String, Long> applied = TopicProgress.lockAndLoad(jdbc, topicIds);
        Map<String, TopicProgress.Advance> advances = new HashMap<>();
        List<AppliedEvent> fresh = new ArrayList<>();
        int skipped = 0;
        Instant lastOccurredAt = null;
        for (AppliedEvent event : readable) {
            long appliedSequence = applied.getOrDefault(event.topicId(), 0L);
            if (event.sequence() <= appliedSequence) {
                log.debug("Skipping {} #{}: already applied", event.topicId(), event.sequence());
                skipped++;
                continue;
            }
            if (event.sequence() > appliedSequence + 1) {
                log.warn("Topic {} jumps from sequence {} to {}: events are missing", event.topicId(),
                        appliedSequence, event.sequence());
            }
            applied.put(event.topicId(), event.sequence());
            TopicProgress.Advance before = advances.get(event.topicId());
            advances.put(event.topicId(), new TopicProgress.Advance(event.sequence(),
                    before == null ? 1 : before.appliedEvents() + 1, event.occurredAt()));
            if (lastOccurredAt == null || event.occurredAt().isAfter(lastOccurredAt)) {
                lastOccurredAt = event.occurredAt();
            }
            fresh.add(event);
        }

        if (!fresh.isEmpty()) {
            for (Projection projection : projections) {
                projection.apply(fresh, jdbc);
            }
            TopicProgress.save(jdbc, advances);
        }
        if (!deadLetters.isEmpty()) {
            DeadLetters.save(jdbc, deadLetters);
        }
        nextOffsets.forEach((kafkaTopic, offsets) -> OffsetStore.save(jdbc, kafkaTopic, offsets));
        return new BatchOutcome(Map.copyOf(applied), fresh.size(), skipped, deadLetters.size(), lastOccurredAt);
    }

    /** Stores a record that made the projections fail as a dead letter, with the offset after it. */
    private BatchOutcome setAside(ConsumerRecord<String, byte[]> record, RuntimeException failure) {
        // the log names only the exception class: messages of SQL errors may quote the row, and bodies stay out of logs
        log.error("Record {}-{}@{} could not be applied ({}); dead-lettering it", record.topic(), record.partition(),
                record.offset(), failure.getClass().getName());
        String reason = "could not be applied: " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return transactions.execute(status -> {
            DeadLetters.save(jdbc, List.of(new DeadLetter(record, reason)));
            OffsetStore.save(jdbc, record.topic(), Map.of(record.partition(), record.offset() + 1));
            return new BatchOutcome(Map.of(), 0, 0, 1, null);
        });
    }

    /** A reason fit for the log: parser messages quote the record ('...'), which may be someone's text. */
    static String withoutQuotes(String reason) {
        return reason.replaceAll("'[^']*'", "'…'");
    }

    /** True when trying the same records again later may well succeed (the database was away, a lock conflict). */
    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof TransactionException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                    || sql.getSQLState().startsWith("53") || sql.getSQLState().startsWith("40"))) {
                return true;
            }
        }
        return false;
    }
}
