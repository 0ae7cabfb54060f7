package commonplace.events;

import commonplace.events.upcast.Upcasters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalogue of event types: the wire name and current schema version of every {@link DiscussionEvent}. */
public final class EventTypes {

    /** A type as published: its name on the wire, its record class and the schema version records are written in. */
    public record EventType(String name, Class<? extends DiscussionEvent> recordClass, int schemaVersion) {
    }

    private static final List<EventType> ALL = List.of(
            new EventType("TopicOpened", TopicOpened.class, 2),
            new EventType("CommentPosted", CommentPosted.class, 3),
            new EventType("ReplyPosted", ReplyPosted.class, 2),
            new EventType("CommentEdited", CommentEdited.class, 2),
            new EventType("CommentRetracted", CommentRetracted.class, 2),
            new EventType("LinkShared", LinkShared.class, 2),
            new EventType("TopicLocked", TopicLocked.class, 2),
            new EventType("TopicUnlocked", TopicUnlocked.class, 2),
            new EventType("AuthorErased", AuthorErased.class, 1));

    private static final Map<String, EventType> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::recordClass, Function.identity()));

    private EventTypes() {
    }

    public static List<EventType> all() {
        return ALL;
    }

    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static EventType of(DiscussionEvent event) {
        return of(event.getClass());
    }

    public static EventType of(Class<?> recordClass) {
        EventType type = BY_CLASS.get(recordClass);
        if (type == null) {
            throw new IllegalArgumentException("not a published event type: " + recordClass.getName());
        }
        return type;
    }

    /**
     * Reads a payload written in any schema version of {@code typeName}: older versions are upcast first,
     * never rewritten where they are stored.
     *
     * @throws UnreadableEventException when the type is unknown, the version is newer than this code knows, or the
     *                                  payload does not fit the record
     */
    public static DiscussionEvent decode(String typeName, int schemaVersion, JsonNode payload) {
        EventType type = byName(typeName).orElseThrow(
                () -> new UnreadableEventException("unknown event type '" + typeName + "'"));
        if (schemaVersion < 1 || schemaVersion > type.schemaVersion()) {
            throw new UnreadableEventException(
                    "%s schema version %d is not readable here (known: 1..%d)"
                            .formatted(typeName, schemaVersion, type.schemaVersion()));
        }
        if (!(payload instanceof ObjectNode object)) {
            throw new UnreadableEventException(typeName + " payload is not a JSON object");
        }
        JsonNode current = Upcasters.upcast(typeName, schemaVersion, object.deepCopy());
        try {
            return EventJson.mapper().treeToValue(current, type.recordClass());
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException(typeName + " payload does not fit: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException(typeName + " payload does not fit: " + e.getMessage(), e);
        }
    }
}
