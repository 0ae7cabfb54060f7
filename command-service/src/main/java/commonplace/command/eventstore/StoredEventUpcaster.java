package commonplace.command.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import commonplace.events.EventTypes;
import commonplace.events.EventTypes.EventType;
import commonplace.events.upcast.Upcasters;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads events stored in an older schema version (Axon's payload revision) through the upcasters of shared-events,
 * so that the aggregate always sees the current records while the stored rows stay as they were written.
 */
@Component
class StoredEventUpcaster extends SingleEventUpcaster {

    private static final Map<String, EventType> BY_CLASS_NAME = EventTypes.all().stream()
            .collect(Collectors.toUnmodifiableMap(type -> type.recordClass().getName(), Function.identity()));

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return typeOf(event).filter(type -> storedVersion(event) < type.schemaVersion()).isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        EventType type = typeOf(event).orElseThrow();
        int from = storedVersion(event);
        return event.upcastPayload(
                new SimpleSerializedType(event.getType().getName(), String.valueOf(type.schemaVersion())),
                JsonNode.class,
                payload -> payload instanceof ObjectNode object
                        ? Upcasters.upcast(type.name(), from, object.deepCopy()) : payload);
    }

    private static Optional<EventType> typeOf(IntermediateEventRepresentation event) {
        return Optional.ofNullable(BY_CLASS_NAME.get(event.getType().getName()));
    }

    /** Events stored without a revision predate versioning: version 1. */
    private static int storedVersion(IntermediateEventRepresentation event) {
        String revision = event.getType().getRevision();
        try {
            return revision == null ? 1 : Integer.parseInt(revision);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
