package commonplace.query.ingest;

import commonplace.query.ingest.DeadLetters.DeadLetter;
import commonplace.query.ingest.RecordReader.Reading;
import commonplace.query.parking.ParkedRecord;
import commonplace.query.parking.ParkingSettings;
import commonplace.query.parking.ParkingTables;
import commonplace.query.privacy.QueryKeys;
import commonplace.events.privacy.KeysUnavailableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;

/**
 * Applies one poll batch in one PostgreSQL transaction: every projection, the per-topic progress, the dead letters,
 * the records of parked topics and the consumed offsets commit together or not at all. A redelivered event is skipped
 * by its sequence. An event that cannot be applied is tried {@link ParkingSettings#attempts()} times, then parks its
 * topic: it and every later event of that topic wait (in order) until an admin retries or skips it, while every other
 * topic goes on and the offsets move past it. Only a database that does not answer at all stops the batch.
 */
@Component
public class BatchApplier {

    private static final Logger log = LoggerFactory.getLogger(BatchApplier.class);

    /** An event as it came from Kafka: where it was, for the waiting line of a parked topic. */
    record Arrived(AppliedEvent event, int partition, long offset) {

        ParkedRecord parked() {
            return new ParkedRecord(event.topicId(), event.sequence(), event.type(), partition, offset,
                    event.raw().bytes());
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final List<Projection> projections;
    private final ParkingSettings parking;
    private final QueryKeys keys;

    public BatchApplier(JdbcTemplate jdbc, TransactionTemplate transactions, List<Projection> projections) {
        this(jdbc, transactions, projections, ParkingSettings.defaults(), QueryKeys.none());
    }

    public BatchApplier(JdbcTemplate jdbc, TransactionTemplate transactions, List<Projection> projections,
                        QueryKeys keys) {
        this(jdbc, transactions, projections, ParkingSettings.defaults(), keys);
    }

    @Autowired
    public BatchApplier(JdbcTemplate jdbc, TransactionTemplate transactions, List<Projection> projections,
                        ParkingSettings parking, QueryKeys keys) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        // a stable sort: the order Spring gives stays, except that scrubbing projections come last
        this.projections = projections.stream()
                .sorted(java.util.Comparator.comparing(Projection::appliesLast)).toList();
        this.parking = parking;
        this.keys = keys;
    }

    /** Where sealed events get their keys. */
    public QueryKeys keys() {
        return keys;
    }

    public List<Projection> projections() {
        return projections;
    }

    /** The same projections and parking rules on other tables, such as a rebuild's. */
    public BatchApplier on(JdbcTemplate otherTables, TransactionTemplate otherTransactions) {
        return new BatchApplier(otherTables, otherTransactions, projections, parking, keys);
    }

    /**
     * Applies {@code records} (in partition order) and stores the offsets after them.
     *
     * @throws KeysUnavailableException when the key endpoint cannot answer: nothing was stored, the caller offers the
     *                                  records again after a pause (never parked, never placeholders for keys that exist)
     * @throws RuntimeException when the database does not answer: nothing was stored, the caller should offer the
     *                          records again later
     */
    public BatchOutcome apply(List<ConsumerRecord<byte[], byte[]>> records) {
        BatchKeys.prepare(keys, records);
        try {
            return transactions.execute(status -> applyInOneTransaction(records));
        } catch (KeysUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            if (records.size() == 1) {
                return applyAlone(records.get(0), e);
            }
            if (!databaseAnswers()) {
                throw e;
            }
            // a record the projections cannot take: find it by applying one record per transaction
            log.warn("A batch of {} records failed ({}); applying them one at a time", records.size(),
                    e.getClass().getSimpleName());
            BatchOutcome total = BatchOutcome.empty();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                total = total.plus(apply(List.of(record)));
            }
            return total;
        }
    }

    private BatchOutcome applyInOneTransaction(List<ConsumerRecord<byte[], byte[]>> records) {
        List<Arrived> readable = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        Map<String, Map<Integer, Long>> nextOffsets = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Reading reading = RecordReader.read(record, keys);
            if (reading.event() != null) {
                readable.add(new Arrived(reading.event(), record.partition(), record.offset()));
            } else {
                log.warn("Dead-lettering record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        FailureReasons.safe(reading.problem()));
                deadLetters.add(new DeadLetter(record, reading.problem()));
            }
            nextOffsets.computeIfAbsent(record.topic(), kafkaTopic -> new TreeMap<>())
                    .merge(record.partition(), record.offset() + 1, Math::max);
        }
        BatchOutcome outcome = applyInOrder(jdbc, readable, true);
        if (!deadLetters.isEmpty()) {
            DeadLetters.save(jdbc, deadLetters);
        }
        nextOffsets.forEach((topic, offsets) -> OffsetStore.save(jdbc, topic, offsets));
        return outcome.plus(new BatchOutcome(Map.of(), 0, 0, deadLetters.size(), 0, Set.of(), null));
    }

    /**
     * Applies events in their order inside the caller's transaction, each topic's progress row locked: an event
     * already applied is skipped; with {@code parkedTopicsWait}, events of a parked topic join its waiting line
     * instead (a topic being resumed is applied straight).
     */
    BatchOutcome applyInOrder(JdbcTemplate tx, List<Arrived> events, boolean parkedTopicsWait) {
        TreeSet<String> topicIds = new TreeSet<>();
        events.forEach(arrived -> topicIds.add(arrived.event().topicId()));
        Map<String, Long> applied = TopicProgress.lockAndLoad(tx, topicIds);
        Set<String> parked = parkedTopicsWait ? ParkingTables.parkedAmong(tx, topicIds) : Set.of();
        Map<String, TopicProgress.Advance> advances = new HashMap<>();
        List<AppliedEvent> fresh = new ArrayList<>();
        List<ParkedRecord> waiting = new ArrayList<>();
        Map<String, Long> waitingSequences = new HashMap<>();
        int skipped = 0;
        Instant lastOccurredAt = null;
        for (Arrived arrived : events) {
            AppliedEvent event = arrived.event();
            long appliedSequence = applied.getOrDefault(event.topicId(), 0L);
            if (event.sequence() <= appliedSequence
                    || event.sequence() <= waitingSequences.getOrDefault(event.topicId(), 0L)) {
                log.debug("Skipping {} #{}: already applied", event.topicId(), event.sequence());
                skipped++;
                continue;
            }
            if (parked.contains(event.topicId())) {
                waiting.add(arrived.parked());
                waitingSequences.put(event.topicId(), event.sequence());
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
                projection.apply(fresh, tx);
            }
            TopicProgress.save(tx, advances);
        }
        ParkingTables.queue(tx, waiting);
        return new BatchOutcome(Map.copyOf(applied), fresh.size(), skipped, 0, waiting.size(), Set.of(),
                lastOccurredAt);
    }

    /**
     * One record that failed: tried again up to the configured attempts, then its topic is parked at it. While the
     * database does not answer at all, the failure is the database's and is thrown (it counts no attempt). Whatever
     * else fails while the database answers is the record's, whatever kind of error it is: a mistaken classification
     * must never stop the stream.
     */
    private BatchOutcome applyAlone(ConsumerRecord<byte[], byte[]> record, RuntimeException firstFailure) {
        RuntimeException failure = firstFailure;
        for (int attempt = 1; ; attempt++) {
            if (!databaseAnswers()) {
                throw failure;
            }
            if (attempt >= parking.attempts()) {
                return park(record, failure, attempt);
            }
            pause(parking.backoffAfter(attempt));
            try {
                return transactions.execute(status -> applyInOneTransaction(List.of(record)));
            } catch (KeysUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
    }

    /** Parks the record's topic at it and stores the offset after it, in one transaction. */
    private BatchOutcome park(ConsumerRecord<byte[], byte[]> record, RuntimeException failure, int attempts) {
        String reason = FailureReasons.ofApplying(failure);
        Reading reading = RecordReader.read(record, keys);
        return transactions.execute(status -> {
            OffsetStore.save(jdbc, record.topic(), Map.of(record.partition(), record.offset() + 1));
            if (reading.event() == null) {
                // cannot happen for a readable record; kept so that nothing can stop the stream here
                DeadLetters.save(jdbc, List.of(new DeadLetter(record, reason)));
                return new BatchOutcome(Map.of(), 0, 0, 1, 0, Set.of(), null);
            }
            AppliedEvent event = reading.event();
            if (ParkingTables.wasSkipped(jdbc, event.topicId(), event.sequence())) {
                // an admin dropped this event when it parked its topic before: a replay drops it again
                log.warn("Topic {}: #{} could not be applied and was skipped before: dropped again", event.topicId(),
                        event.sequence());
                return BatchOutcome.empty();
            }
            log.error("Parking topic {} at #{} ({}) from record {}-{}@{} after {} attempts: {}", event.topicId(),
                    event.sequence(), event.type(), record.topic(), record.partition(), record.offset(), attempts,
                    reason);
            TopicProgress.lockAndLoad(jdbc, new TreeSet<>(Set.of(event.topicId())));
            ParkingTables.park(jdbc, new Arrived(event, record.partition(), record.offset()).parked(), reason,
                    attempts);
            return new BatchOutcome(Map.of(), 0, 0, 0, 1, Set.of(event.topicId()), null);
        });
    }

    /** True when the database answers a trivial query: a failure that persists then is the record's, not the database's. */
    boolean databaseAnswers() {
        try {
            jdbc.queryForObject("select 1", Integer.class);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void pause(Duration duration) {
        if (!duration.isZero()) {
            LockSupport.parkNanos(duration.toNanos());
        }
    }
}
