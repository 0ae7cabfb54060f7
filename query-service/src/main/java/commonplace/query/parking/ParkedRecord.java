package commonplace.query.parking;

/**
 * A record of a parked topic, waiting to be applied: the event's place in its topic and in Kafka, and the record value
 * exactly as it came.
 */
public record ParkedRecord(String topicId, long sequence, String type, int partition, long offset, byte[] value) {
}
