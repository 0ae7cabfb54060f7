package commonplace.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import commonplace.events.privacy.DataKeys;
import commonplace.events.privacy.DecryptedEvent;
import commonplace.events.privacy.EventContext;
import commonplace.events.privacy.KeysUnavailableException;
import commonplace.events.privacy.SealedPayload;
import commonplace.events.privacy.WithheldReason;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An envelope read together with its payload, decoded (and upcast) into the current version of its record: what
 * {@code EventEnvelope.fromJson(json)} followed by {@code event()} gives, without the payload's JSON tree.
 *
 * @param event the payload as the current version of its record
 */
public record DecodedEnvelope(String eventId, String type, int schemaVersion, String topicId, long sequence,
                              Instant occurredAt, String authorId, DiscussionEvent event) {

    private static final Map<String, ObjectReader> CURRENT_PAYLOADS = EventTypes.all().stream().collect(
            Collectors.toUnmodifiableMap(EventTypes.EventType::name,
                    type -> EventJson.mapper().readerFor(type.recordClass())));
    private static final ObjectReader INSTANT = EventJson.mapper().readerFor(Instant.class);

    /** The decoded form of an envelope read already. */
    public static DecodedEnvelope of(EventEnvelope envelope, DiscussionEvent event) {
        return new DecodedEnvelope(envelope.eventId(), envelope.type(), envelope.schemaVersion(), envelope.topicId(),
                envelope.sequence(), envelope.occurredAt(), envelope.authorId(), event);
    }

    /**
     * Reads an envelope and its payload in one pass over the bytes when it is the usual kind: the fields written by
     * {@link EventEnvelope#toJsonBytes()}, with {@code type} and {@code schemaVersion} ahead of {@code payload} and the
     * payload in its type's current version. Any other record (an older version to upcast, fields in another order,
     * an unreadable one) goes the two-step way, so the result and the failure messages are exactly those of
     * {@code EventEnvelope.fromJson(json).event()}.
     *
     * @throws UnreadableEventException when the bytes are not an envelope of a readable event
     */
    public static DecodedEnvelope fromJson(byte[] json) {
        OpenedEnvelope read = inOnePass(json, null);
        if (read != null) {
            return read.envelope();
        }
        EventEnvelope envelope = EventEnvelope.fromJson(json);
        return of(envelope, envelope.event());
    }

    /**
     * The envelope, or null when it is not of the usual kind (the caller then takes the two-step way). With
     * {@code keys}, the usual kind is a sealed payload ({@link SealedPayload}), opened with them; without, a plaintext
     * one.
     *
     * @throws KeysUnavailableException when the key source cannot answer now
     */
    static OpenedEnvelope inOnePass(byte[] json, DataKeys keys) {
        try (JsonParser parser = EventJson.mapper().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Fields fields = new Fields(keys);
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!fields.read(name, value, parser)) {
                    return null;
                }
            }
            return fields.complete() ? fields.decoded() : null;
        } catch (KeysUnavailableException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // the two-step way reads it again and says what is wrong in its own words
            return null;
        }
    }

    /** The envelope's fields as they come; each at most once. */
    private static final class Fields {

        private final DataKeys keys;
        private String eventId;
        private String type;
        private int schemaVersion;
        private String topicId;
        private long sequence;
        private Instant occurredAt;
        private String authorId;
        private DiscussionEvent event;
        private SealedPayload sealed;
        private int seen;

        Fields(DataKeys keys) {
            this.keys = keys;
        }

        /** Reads one field's value; false when the envelope is not of the usual kind. */
        boolean read(String name, JsonToken value, JsonParser parser) throws IOException {
            int bit = switch (name) {
                case "eventId" -> 1;
                case "type" -> 2;
                case "schemaVersion" -> 4;
                case "topicId" -> 8;
                case "sequence" -> 16;
                case "occurredAt" -> 32;
                case "authorId" -> 64;
                case "payload" -> 128;
                default -> 0;
            };
            if (bit == 0) {
                parser.skipChildren();
                return true;
            }
            if ((seen & bit) != 0) {
                return false;
            }
            seen |= bit;
            if (bit == 128) {
                return payload(value, parser);
            }
            if (bit == 4 || bit == 16) {
                if (value != JsonToken.VALUE_NUMBER_INT) {
                    return false;
                }
                if (bit == 4) {
                    schemaVersion = parser.getIntValue();
                } else {
                    sequence = parser.getLongValue();
                }
                return true;
            }
            if (value != JsonToken.VALUE_STRING) {
                return false;
            }
            switch (name) {
                case "eventId" -> eventId = parser.getText();
                case "type" -> type = parser.getText();
                case "topicId" -> topicId = parser.getText();
                case "occurredAt" -> occurredAt = INSTANT.readValue(parser);
                default -> authorId = parser.getText();
            }
            return true;
        }

        /** The payload straight into its record, when no upcaster has to see it first. */
        private boolean payload(JsonToken value, JsonParser parser) throws IOException {
            ObjectReader reader = type == null ? null : CURRENT_PAYLOADS.get(type);
            if (value != JsonToken.START_OBJECT || reader == null || (seen & 4) == 0
                    || schemaVersion != EventTypes.byName(type).orElseThrow().schemaVersion()) {
                return false;
            }
            if (keys != null) {
                sealed = SealedPayload.read(parser, type);
                return sealed != null;
            }
            event = reader.readValue(parser);
            return event != null;
        }

        /** True when every field the envelope requires came, and the sequence is a valid one. */
        boolean complete() {
            // authorId may be absent, as in EventEnvelope
            return (seen | 64) == 255 && sequence >= 1;
        }

        OpenedEnvelope decoded() throws IOException {
            Map<String, WithheldReason> withheld = Map.of();
            if (sealed != null) {
                DecryptedEvent opened = sealed.open(new EventContext(eventId, topicId, sequence, type),
                        CURRENT_PAYLOADS.get(type), keys);
                event = opened.event();
                withheld = opened.withheld();
            }
            if (event == null) {
                return null;
            }
            return new OpenedEnvelope(
                    new DecodedEnvelope(eventId, type, schemaVersion, topicId, sequence, occurredAt, authorId, event),
                    withheld);
        }
    }
}
