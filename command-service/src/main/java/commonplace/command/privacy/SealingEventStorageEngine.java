package commonplace.command.privacy;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The event store's storage with sealing around it ({@link EventSealing}): what is appended is stored sealed, and a
 * topic's events are opened when the aggregate (or the snapshotter) reads them. The tracking stream is passed on as
 * stored, so the publisher sends the sealed payload as it is. Snapshots hold no personal text and pass unchanged.
 */
public final class SealingEventStorageEngine implements EventStorageEngine {

    private final EventStorageEngine storage;
    private final EventSealing sealing;

    public SealingEventStorageEngine(EventStorageEngine storage, EventSealing sealing) {
        this.storage = storage;
        this.sealing = sealing;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        storage.appendEvents(sealing.seal(events));
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        storage.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return storage.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        DomainEventStream stored = storage.readEvents(aggregateIdentifier, firstSequenceNumber);
        return DomainEventStream.of(stored.asStream().map(sealing::open), stored::getLastSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return storage.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return storage.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public org.axonframework.eventhandling.TrackingToken createTailToken() {
        return storage.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return storage.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storage.createTokenAt(dateTime);
    }
}
