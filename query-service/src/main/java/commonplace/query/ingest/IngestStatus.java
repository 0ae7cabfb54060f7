package commonplace.query.ingest;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** What this instance's consumer has done since it started: counts and the moments the lag figures need. */
@Component
public class IngestStatus {

    private final AtomicLong appliedEvents = new AtomicLong();
    private final AtomicLong skippedDuplicates = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private volatile Instant lastCaughtUpAt;
    private volatile Instant lastAppliedOccurredAt;

    void recordBatch(BatchOutcome outcome) {
        batches.incrementAndGet();
        appliedEvents.addAndGet(outcome.applied());
        skippedDuplicates.addAndGet(outcome.skippedDuplicates());
        deadLettered.addAndGet(outcome.deadLettered());
        if (outcome.lastOccurredAt() != null
                && (lastAppliedOccurredAt == null || outcome.lastOccurredAt().isAfter(lastAppliedOccurredAt))) {
            lastAppliedOccurredAt = outcome.lastOccurredAt();
        }
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
