package commonplace.query.parking;

import java.time.Instant;

/**
 * A parked topic as admins see it.
 *
 * @param headSequence the event the topic waits at
 * @param reason       why that event could not be applied (never the record's text)
 * @param since        when the topic was parked
 * @param attempts     how often applying the head event was tried
 * @param waiting      records waiting, the head event included
 * @param requested    "retry" or "skip" while an admin's action is under way; null otherwise
 */
public record ParkedTopic(String topicId, long headSequence, String headType, String reason, Instant since,
                          int attempts, Instant lastAttemptAt, long waiting, String requested) {
}
