package commonplace.events;

/**
 * The discussion feed on Kafka: the one Kafka topic every event is published to and the headers of its records. (A
 * discussion topic is something else: the {@code topicId} of an event, and the key of its record.)
 */
public final class Feed {

    /** The feed's Kafka topic; key = discussion topic id, value = an {@link EventEnvelope} as JSON. */
    public static final String KAFKA_TOPIC = "commonplace.discussion.v1";

    /** Record header repeating the envelope's {@code type}. */
    public static final String HEADER_TYPE = "type";

    /** Record header repeating the envelope's {@code schemaVersion}. */
    public static final String HEADER_SCHEMA_VERSION = "schemaVersion";

    private Feed() {
    }
}
