package commonplace.command.eventstore;

import commonplace.events.DiscussionEvent;
import commonplace.events.EventTypes;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;

/**
 * Stores each event with its schema version from {@link EventTypes} as Axon's payload revision, so that an event
 * written today can be upcast by revision when its record changes; other payloads keep Axon's {@code @Revision}.
 */
class SchemaVersionRevisionResolver implements RevisionResolver {

    private final RevisionResolver fallback = new AnnotationRevisionResolver();

    @Override
    public String revisionOf(Class<?> payloadType) {
        if (DiscussionEvent.class.isAssignableFrom(payloadType)) {
            return String.valueOf(EventTypes.of(payloadType).schemaVersion());
        }
        return fallback.revisionOf(payloadType);
    }
}
