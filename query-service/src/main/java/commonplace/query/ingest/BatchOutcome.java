package commonplace.query.ingest;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one committed batch did.
 *
 * @param parked       records that joined the waiting line of a parked topic (each topic's first one included)
 * @param parkedTopics topics this batch parked
 */
public record BatchOutcome(Map<String, Long> appliedSequenceByTopic, int applied, int skippedDuplicates, int deadLettered,
                           int parked, Set<String> parkedTopics, Instant lastOccurredAt) {

    public static BatchOutcome empty() {
        return new BatchOutcome(Map.of(), 0, 0, 0, 0, Set.of(), null);
    }

    BatchOutcome plus(BatchOutcome other) {
        Map<String, Long> sequences = new HashMap<>(appliedSequenceByTopic);
        other.appliedSequenceByTopic.forEach((topic, sequence) -> sequences.merge(topic, sequence, Math::max));
        Set<String> topics = new HashSet<>(parkedTopics);
        topics.addAll(other.parkedTopics);
        Instant last = lastOccurredAt == null ? other.lastOccurredAt
                : other.lastOccurredAt == null || lastOccurredAt.isAfter(other.lastOccurredAt) ? lastOccurredAt
                : other.lastOccurredAt;
        return new BatchOutcome(sequences, applied + other.applied, skippedDuplicates + other.skippedDuplicates,
                deadLettered + other.deadLettered, parked + other.parked, Set.copyOf(topics), last);
    }
}
