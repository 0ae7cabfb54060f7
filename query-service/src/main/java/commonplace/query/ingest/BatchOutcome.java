package commonplace.query.ingest;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** What one committed batch did. */
public record BatchOutcome(Map<String, Long> appliedSequenceByTopic, int applied, int skippedDuplicates, int deadLettered,
                    Instant lastOccurredAt) {

    public static BatchOutcome empty() {
        return new BatchOutcome(Map.of(), 0, 0, 0, null);
    }

    BatchOutcome plus(BatchOutcome other) {
        Map<String, Long> sequences = new HashMap<>(appliedSequenceByTopic);
        other.appliedSequenceByTopic.forEach((topic, sequence) -> sequences.merge(topic, sequence, Math::max));
        Instant last = lastOccurredAt == null ? other.lastOccurredAt
                : other.lastOccurredAt == null || lastOccurredAt.isAfter(other.lastOccurredAt) ? lastOccurredAt
                : other.lastOccurredAt;
        return new BatchOutcome(sequences, applied + other.applied, skippedDuplicates + other.skippedDuplicates,
                deadLettered + other.deadLettered, last);
    }
}
