package commonplace.events;

/** Names on the Kafka side of the contract. */
public final class Topics {

    /** The one topic every event is published to; key = topic id, value = an {@link EventEnvelope} as JSON. */
    public static final String DISCUSSION = "commonplace.discussion.v1";

    /** Record header repeating the envelope's {@code type}. */
    public static final String HEADER_TYPE = "type";

    /** Record header repeating the envelope's {@code schemaVersion}. */
    public static final String HEADER_SCHEMA_VERSION = "schemaVersion";

    private Topics() {
    }
}
