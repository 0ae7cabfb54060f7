package commonplace.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One event as published on {@link Feed#KAFKA_TOPIC}: what a consumer needs to order and de-duplicate it
 * ({@code topicId} + {@code sequence}, {@code eventId}), and the payload in the schema version it was written in.
 *
 * @param sequence   the event's 1-based position within its topic; contiguous, never reused
 * @param occurredAt when the event was recorded, in milliseconds
 */
public record EventEnvelope(String eventId, String type, int schemaVersion, String topicId, long sequence,
                            Instant occurredAt, String authorId, JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topicId, "topicId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1, was " + sequence);
        }
    }

    /** Wraps an event in the current schema version of its type. */
    public static EventEnvelope wrap(String eventId, long sequence, Instant occurredAt, DiscussionEvent event) {
        EventTypes.EventType type = EventTypes.of(event);
        return new EventEnvelope(eventId, type.name(), type.schemaVersion(), event.topicId(), sequence,
                occurredAt.truncatedTo(ChronoUnit.MILLIS), event.authorId(), EventJson.mapper().valueToTree(event));
    }

    /** The payload as the current version of its record, upcast if it was written in an older version. */
    public DiscussionEvent event() {
        return EventTypes.decode(type, schemaVersion, payload);
    }

    public byte[] toJsonBytes() {
        try {
            return EventJson.mapper().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an envelope always serialises", e);
        }
    }

    /**
     * Reads an envelope from its JSON form.
     *
     * @throws UnreadableEventException when the bytes are not an envelope
     */
    public static EventEnvelope fromJson(byte[] json) {
        try {
            EventEnvelope envelope = EventJson.mapper().readValue(json, EventEnvelope.class);
            if (envelope == null) {
                throw new UnreadableEventException("empty record");
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("not an event envelope: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException | IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("not an event envelope: " + e.getMessage(), e);
        }
    }
}
