package commonplace.query.ingest;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What this instance's consumer has done since it started: counts and the moments the lag figures need. */
@Component
public class IngestStatus {

    private final AtomicLong appliedEvents = new AtomicLong();
    private final AtomicLong skippedDuplicates = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong parkedTopics = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private volatile Instant lastCaughtUpAt;
    private volatile Map<Integer, Long> positions = Map.of();
    private volatile Instant lastAppliedOccurredAt;

    void recordBatch(BatchOutcome outcome) {
        batches.incrementAndGet();
        appliedEvents.addAndGet(outcome.applied());
        skippedDuplicates.addAndGet(outcome.skippedDuplicates());
        deadLettered.addAndGet(outcome.deadLettered());
        parked.addAndGet(outcome.parked());
        parkedTopics.addAndGet(outcome.parkedTopics().size());
        if (outcome.lastOccurredAt() != null
                && (lastAppliedOccurredAt == null || outcome.lastOccurredAt().isAfter(lastAppliedOccurredAt))) {
            lastAppliedOccurredAt = outcome.lastOccurredAt();
        }
    }

    /**
     * The consumer's fetch positions by partition. They may lie past the last stored offset: a transactional
     * publisher's commit markers take offsets that carry no event, and only the consumer skips them.
     */
    void recordPositions(Map<Integer, Long> positions) {
        this.positions = Map.copyOf(positions);
    }

    public Map<Integer, Long> positions() {
        return positions;
    }

    void recordCaughtUp(Instant at) {
        lastCaughtUpAt = at;
    }

    public long appliedEvents() {
        return appliedEvents.get();
    }

    /** Events skipped because their topic had already applied their sequence (redeliveries). */
    public long skippedDuplicates() {
        return skippedDuplicates.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    /** Records that joined the waiting line of a parked topic. */
    public long parked() {
        return parked.get();
    }

    /** Topics this instance parked. */
    public long parkedTopics() {
        return parkedTopics.get();
    }

    public long batches() {
        return batches.get();
    }

    /** The last time a poll found nothing new on this instance's partitions; null before that happened. */
    public Instant lastCaughtUpAt() {
        return lastCaughtUpAt;
    }

    public Instant lastAppliedOccurredAt() {
        return lastAppliedOccurredAt;
    }
}
