package commonplace.command.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import commonplace.events.DiscussionEvent;
import commonplace.events.EventEnvelope;
import commonplace.events.EventJson;
import commonplace.events.EventTypes;
import commonplace.events.privacy.DataKey;
import commonplace.events.privacy.EventContext;
import commonplace.events.privacy.PayloadEncryption;
import commonplace.events.privacy.PersonalFields;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place where events are sealed and opened on the write side, on whole lists of domain event messages as the
 * event store appends them (whoever batches them: one command's unit of work or many). Sealing: each event's personal
 * fields ({@link PersonalFields}) are encrypted under its author's data key in use, into the payload form that is
 * stored and published as it is; the event's place (id, topic, sequence, type) is bound into every sealed field. For
 * the authors of a list (with group commit, the whole group's), their keys' rows are share-locked and each author's
 * topics recorded in {@code key_participation} in the appending transaction, in one statement: an erasure, which
 * updates such a row, waits for writes already sealing with the key and then finds every topic they wrote in; a write
 * after it finds the key erased and seals under the next generation.
 * Opening: a topic's stored events are decrypted for the aggregate; fields whose key is gone are left null.
 */
public final class EventSealing {

    private static final String ENCRYPTED = "encrypted";

    private final CachedDataKeys keys;
    private final JdbcTemplate jdbc;
    private final Serializer eventSerializer;

    EventSealing(CachedDataKeys keys, JdbcTemplate jdbc, Serializer eventSerializer) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
    }

    /** The events as they are to be stored: those with personal fields sealed, every other one unchanged. */
    public List<EventMessage<?>> seal(List<? extends EventMessage<?>> events) {
        Map<String, Set<String>> topicsByAuthor = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            DiscussionEvent payload = personal(event);
            if (payload != null) {
                topicsByAuthor.computeIfAbsent(payload.authorId(), ignored -> new TreeSet<>()).add(payload.topicId());
            }
        }
        if (topicsByAuthor.isEmpty()) {
            return new ArrayList<>(events);
        }
        Map<String, DataKey> keyByAuthor = lockedKeys(topicsByAuthor);
        List<EventMessage<?>> sealed = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            DiscussionEvent payload = personal(event);
            sealed.add(payload == null ? event
                    : sealed((DomainEventMessage<?>) event, payload, keyByAuthor.get(payload.authorId())));
        }
        return sealed;
    }

    private static DiscussionEvent personal(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> && event.getPayload() instanceof DiscussionEvent payload
                && !PersonalFields.of(EventTypes.of(payload).name()).isEmpty() ? payload : null;
    }

    /**
     * The stored event as the aggregate reads it: sealed fields opened, those whose key was destroyed null. Events
     * without a sealed block (no personal fields, or stored before sealing) are returned as they are.
     */
    public DomainEventMessage<?> open(DomainEventMessage<?> stored) {
        if (!DiscussionEvent.class.isAssignableFrom(stored.getPayloadType())) {
            return stored;
        }
        JsonNode payload = stored.serializePayload(eventSerializer, JsonNode.class).getData();
        if (!payload.has(ENCRYPTED)) {
            return stored;
        }
        EventTypes.EventType type = EventTypes.of(stored.getPayloadType());
        EventEnvelope envelope = new EventEnvelope(stored.getIdentifier(), type.name(), type.schemaVersion(),
                stored.getAggregateIdentifier(), stored.getSequenceNumber() + 1, stored.getTimestamp(),
                payload.path("authorId").asText(null), payload);
        DiscussionEvent opened = envelope.read(keys).event();
        return new GenericDomainEventMessage<>(stored.getType(), stored.getAggregateIdentifier(),
                stored.getSequenceNumber(), new GenericMessage<>(stored.getIdentifier(), opened, stored.getMetaData()),
                stored.getTimestamp());
    }

    /** The author's key in use, share-locked and recorded for the topic; the next generation if it was erased. */
    DataKey lockedKey(String authorId, String topicId) {
        return lockedKeys(Map.of(authorId, Set.of(topicId))).get(authorId);
    }

    /**
     * Each author's key in use, share-locked and recorded for each of their topics in one statement; an author whose
     * key turns out erased (by an erasure this instance's cache has not heard of) gets the next generation, locked and
     * recorded in one more statement for all such authors.
     */
    private Map<String, DataKey> lockedKeys(Map<String, Set<String>> topicsByAuthor) {
        Map<String, DataKey> keyByAuthor = new HashMap<>();
        topicsByAuthor.keySet().forEach(author -> keyByAuthor.put(author, keys.keyInUse(author)));
        Set<String> inUse = lockAndRecord(keyByAuthor, topicsByAuthor);
        Map<String, DataKey> next = new HashMap<>();
        keyByAuthor.forEach((author, key) -> {
            if (!inUse.contains(key.keyId())) {
                keys.forgetKeyInUse(author, key.keyId());
                next.put(author, keys.keyInUse(author));
            }
        });
        if (next.isEmpty()) {
            return keyByAuthor;
        }
        Set<String> nextInUse = lockAndRecord(next, topicsByAuthor);
        next.forEach((author, key) -> {
            if (!nextInUse.contains(key.keyId())) {
                throw new IllegalStateException("the author's new data key " + key.keyId() + " was erased at once");
            }
        });
        keyByAuthor.putAll(next);
        return keyByAuthor;
    }

    /**
     * Share-locks the rows of those keys not erased and records their topics, both in key id order (so that concurrent
     * appends lock rows and wait on each other's new participation rows in one order, never in a cycle); returns the
     * ids of the keys still in use.
     */
    private Set<String> lockAndRecord(Map<String, DataKey> keyByAuthor, Map<String, Set<String>> topicsByAuthor) {
        List<String> keyIds = new ArrayList<>();
        List<String> topicIds = new ArrayList<>();
        List<String> authorIds = new ArrayList<>();
        keyByAuthor.forEach((author, key) -> topicsByAuthor.get(author).forEach(topic -> {
            keyIds.add(key.keyId());
            topicIds.add(topic);
            authorIds.add(author);
        }));
        return new HashSet<>(jdbc.queryForList("""
                with wanted as (select * from unnest(?::text[], ?::text[], ?::text[]) as w (key_id, topic_id, author_id)),
                     in_use as (select key_id from data_key
                                where key_id in (select key_id from wanted) and erased_at is null
                                order by key_id for share),
                     recorded as (insert into key_participation (key_id, topic_id, author_id)
                                  select key_id, topic_id, author_id from wanted join in_use using (key_id)
                                  order by key_id, topic_id
                                  on conflict do nothing)
                select key_id from in_use""", String.class, keyIds.toArray(String[]::new),
                topicIds.toArray(String[]::new), authorIds.toArray(String[]::new)));
    }

    private <T> DomainEventMessage<T> sealed(DomainEventMessage<T> event, DiscussionEvent payload, DataKey key) {
        EventTypes.EventType type = EventTypes.of(payload);
        ObjectNode sealedPayload = PayloadEncryption.encrypt(new EventContext(event.getIdentifier(),
                event.getAggregateIdentifier(), event.getSequenceNumber() + 1, type.name()), payload, key);
        byte[] json;
        try {
            json = EventJson.mapper().writeValueAsBytes(sealedPayload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a payload always serialises", e);
        }
        return new SealedEvent<>(event, json, eventSerializer.typeForClass(payload.getClass()));
    }

    /** An event whose stored form is its sealed payload; in memory it keeps its plaintext payload. */
    private static final class SealedEvent<T> extends GenericDomainEventMessage<T> {

        private final byte[] sealedJson;
        private final SerializedType serializedType;

        SealedEvent(DomainEventMessage<T> event, byte[] sealedJson, SerializedType serializedType) {
            super(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                    new GenericMessage<>(event.getIdentifier(), event.getPayload(), event.getMetaData()),
                    event.getTimestamp());
            this.sealedJson = sealedJson;
            this.serializedType = serializedType;
        }

        @Override
        public <S> SerializedObject<S> serializePayload(Serializer serializer, Class<S> expectedRepresentation) {
            return serializer.getConverter().convert(
                    new SimpleSerializedObject<>(sealedJson, byte[].class, serializedType), expectedRepresentation);
        }
    }
}
