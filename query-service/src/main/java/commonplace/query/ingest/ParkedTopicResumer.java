package commonplace.query.ingest;

import commonplace.query.ingest.BatchApplier.Arrived;
import commonplace.query.ingest.RecordReader.Reading;
import commonplace.query.parking.ParkingTables;
import commonplace.query.parking.ParkingTables.Resumable;
import commonplace.query.parking.ParkingTables.Waiting;
import commonplace.events.privacy.KeysUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resumes the parked topics an admin asked to retry or skip, on the consumer's thread between two batches, so that
 * the consumer stays the only one applying events. Each step is one transaction of at most a poll batch of the topic's
 * waiting records, in the order they arrived, under the topic's progress lock: events of the topic that the consumer
 * receives meanwhile join the waiting line behind them, and the topic is applied straight again only once that line is
 * empty. A record that fails stops the topic there again, with the new reason (one attempt: the admin decides again).
 */
@Component
class ParkedTopicResumer {

    /** What a call did, and whether asked-for work is left. */
    record Progress(BatchOutcome outcome, Set<String> resumed, boolean more) {
    }

    private static final Logger log = LoggerFactory.getLogger(ParkedTopicResumer.class);
    private static final int TOPICS_PER_CALL = 16;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final BatchApplier applier;
    private final int stepSize;

    ParkedTopicResumer(JdbcTemplate jdbc, TransactionTemplate transactions, BatchApplier applier,
                       KafkaSettings kafka) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.applier = applier;
        this.stepSize = Math.max(1, kafka.maxPollRecords());
    }

    /**
     * Works on the asked-for topics until about {@code budget} records were handled.
     *
     * @throws RuntimeException when the database does not answer; nothing half-done stays
     */
    Progress resumeRequested(int budget) {
        List<String> topics = ParkingTables.requested(jdbc, TOPICS_PER_CALL);
        BatchOutcome outcome = BatchOutcome.empty();
        Set<String> resumed = new TreeSet<>();
        int handled = 0;
        for (String topicId : topics) {
            while (handled < budget) {
                Step step = step(topicId, stepSize);
                outcome = outcome.plus(step.outcome());
                handled += Math.max(1, step.records());
                if (step.resumed()) {
                    resumed.add(topicId);
                }
                if (!step.more()) {
                    break;
                }
            }
            if (handled >= budget) {
                return new Progress(outcome, resumed, true);
            }
        }
        return new Progress(outcome, resumed, topics.size() == TOPICS_PER_CALL);
    }

    private record Step(BatchOutcome outcome, int records, boolean resumed, boolean more) {

        static Step finished() {
            return new Step(BatchOutcome.empty(), 0, false, false);
        }
    }

    private Step step(String topicId, int limit) {
        try {
            return transactions.execute(status -> stepInOneTransaction(topicId, limit));
        } catch (KeysUnavailableException e) {
            // the keys come back: the topic waits as it is, and the consumer tries again after a pause
            throw e;
        } catch (RuntimeException e) {
            if (!applier.databaseAnswers()) {
                throw e;
            }
            if (limit > 1) {
                // find the record that fails: what lies before it is applied, one record per transaction
                BatchOutcome total = BatchOutcome.empty();
                for (int i = 0; i < limit; i++) {
                    Step single = step(topicId, 1);
                    total = total.plus(single.outcome());
                    if (!single.more()) {
                        return new Step(total, i + 1, single.resumed(), false);
                    }
                }
                return new Step(total, limit, false, true);
            }
            return transactions.execute(status -> headFailed(topicId, e));
        }
    }

    private Step stepInOneTransaction(String topicId, int limit) {
        TopicProgress.lockAndLoad(jdbc, new TreeSet<>(Set.of(topicId)));
        Optional<Resumable> locked = ParkingTables.lock(jdbc, topicId);
        if (locked.isEmpty() || locked.get().requested() == null) {
            return Step.finished();
        }
        Resumable topic = locked.get();
        Long actionId = topic.requestedActionId();
        if ("skip".equals(topic.requested())) {
            List<Waiting> head = ParkingTables.waiting(jdbc, topicId, 1);
            if (!head.isEmpty() && topic.skipSequence() != null && head.get(0).sequence() == topic.skipSequence()) {
                ParkingTables.dropHead(jdbc, topicId, head.get(0).arrival());
                ParkingTables.finish(jdbc, actionId, "skipped");
                log.warn("Topic {}: #{} skipped as an admin asked", topicId, head.get(0).sequence());
            } else {
                // the head moved since the skip was asked for: nothing is dropped that the admin did not see
                ParkingTables.clearRequest(jdbc, topicId);
                ParkingTables.finish(jdbc, actionId, "not done: the waiting event is no longer the one it named");
                return Step.finished();
            }
            actionId = null;
        }
        List<Waiting> waiting = ParkingTables.waiting(jdbc, topicId, limit);
        List<Arrived> events = new ArrayList<>(waiting.size());
        List<Long> arrivals = new ArrayList<>(waiting.size());
        for (Waiting record : waiting) {
            Reading reading = RecordReader.read(record.value(), applier.keys());
            arrivals.add(record.arrival());
            if (reading.event() == null) {
                // readable when it was parked; a later version may read less. The topic goes on without it.
                log.warn("Topic {}: waiting record #{} is no longer readable and is dropped: {}", topicId,
                        record.sequence(), FailureReasons.safe(reading.problem()));
                continue;
            }
            events.add(new Arrived(reading.event(), record.partition(), record.offset()));
        }
        BatchOutcome outcome = applier.applyInOrder(jdbc, events, false);
        ParkingTables.remove(jdbc, topicId, arrivals);
        if (ParkingTables.unparkIfEmpty(jdbc, topicId)) {
            ParkingTables.finish(jdbc, actionId, "resumed");
            log.info("Topic {} resumed: every waiting event is applied", topicId);
            return new Step(outcome, waiting.size(), true, false);
        }
        List<Waiting> next = ParkingTables.waiting(jdbc, topicId, 1);
        ParkingTables.headMovedTo(jdbc, topicId, next.get(0).sequence(), typeOf(next));
        return new Step(outcome, waiting.size(), false, true);
    }

    /** The first waiting record failed alone: dropped again if an admin skipped it before, else the topic stays. */
    private Step headFailed(String topicId, RuntimeException failure) {
        TopicProgress.lockAndLoad(jdbc, new TreeSet<>(Set.of(topicId)));
        Optional<Resumable> locked = ParkingTables.lock(jdbc, topicId);
        List<Waiting> head = ParkingTables.waiting(jdbc, topicId, 1);
        if (locked.isEmpty() || head.isEmpty()) {
            return Step.finished();
        }
        Waiting first = head.get(0);
        if (ParkingTables.wasSkipped(jdbc, topicId, first.sequence())) {
            ParkingTables.dropHead(jdbc, topicId, first.arrival());
            log.warn("Topic {}: #{} failed again and was skipped before: dropped again", topicId, first.sequence());
            return new Step(BatchOutcome.empty(), 1, false, true);
        }
        String reason = FailureReasons.ofApplying(failure);
        ParkingTables.stillParkedAt(jdbc, topicId, first.sequence(), typeOf(head), reason);
        ParkingTables.finish(jdbc, locked.get().requestedActionId(), "still parked: " + reason);
        log.warn("Topic {} stays parked at #{}: {}", topicId, first.sequence(), reason);
        return new Step(BatchOutcome.empty(), 1, false, false);
    }

    private String typeOf(List<Waiting> head) {
        if (head.isEmpty()) {
            return "unknown";
        }
        Reading reading = RecordReader.read(head.get(0).value(), applier.keys());
        return reading.event() == null ? "unreadable" : reading.event().type();
    }
}
