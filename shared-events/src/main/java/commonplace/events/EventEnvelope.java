package commonplace.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import commonplace.events.privacy.DataKey;
import commonplace.events.privacy.DataKeys;
import commonplace.events.privacy.DecryptedEvent;
import commonplace.events.privacy.EventContext;
import commonplace.events.privacy.PayloadDecryption;
import commonplace.events.privacy.PayloadEncryption;
import commonplace.events.privacy.WithheldReason;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
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

    /**
     * Wraps an event in the current schema version of its type with its personal fields sealed under {@code key},
     * the writer's data key: the form stored and published.
     */
    public static EventEnvelope wrapSealed(String eventId, long sequence, Instant occurredAt, DiscussionEvent event,
                                           DataKey key) {
        EventTypes.EventType type = EventTypes.of(event);
        ObjectNode sealed = PayloadEncryption.encrypt(
                new EventContext(eventId, event.topicId(), sequence, type.name()), event, key);
        return new EventEnvelope(eventId, type.name(), type.schemaVersion(), event.topicId(), sequence,
                occurredAt.truncatedTo(ChronoUnit.MILLIS), event.authorId(), sealed);
    }

    /**
     * The payload as the current version of its record, upcast if it was written in an older version. Sealed
     * personal fields are null here: a reader with keys uses {@link #read(DataKeys)}.
     */
    public DiscussionEvent event() {
        return EventTypes.decode(type, schemaVersion, payload);
    }

    /** Where this event's sealed fields belong: what their associated data binds them to. */
    public EventContext context() {
        return new EventContext(eventId, topicId, sequence, type);
    }

    /**
     * This envelope with its payload in decrypted form: personal fields restored with {@code keys}, or named in the
     * payload's {@code withheld} object with the reason they cannot be. Never fails for anything the record holds.
     *
     * @throws commonplace.events.privacy.KeysUnavailableException when the key source cannot answer now
     */
    public EventEnvelope decrypted(DataKeys keys) {
        if (!(payload instanceof ObjectNode object)) {
            return this;
        }
        ObjectNode decrypted = PayloadDecryption.decrypt(context(), object, keys);
        return decrypted == payload ? this
                : new EventEnvelope(eventId, type, schemaVersion, topicId, sequence, occurredAt, authorId, decrypted);
    }

    /**
     * The event decrypted with {@code keys}: the current record, every personal field it could not restore null and
     * named with its reason. A field the payload names as withheld is null even if a value stands beside it.
     *
     * @throws UnreadableEventException when the payload does not fit its type (as {@link #event()})
     * @throws commonplace.events.privacy.KeysUnavailableException when the key source cannot answer now
     */
    public DecryptedEvent read(DataKeys keys) {
        JsonNode decrypted = decrypted(keys).payload();
        Map<String, WithheldReason> withheld = DecryptedEvent.withheldIn(decrypted);
        if (!withheld.isEmpty() && decrypted instanceof ObjectNode object) {
            ObjectNode placeholders = object == payload ? object.deepCopy() : object;
            withheld.keySet().forEach(placeholders::remove);
            decrypted = placeholders;
        }
        return new DecryptedEvent(EventTypes.decode(type, schemaVersion, decrypted), withheld);
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
