package commonplace.command.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.AbstractSnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;

/**
 * Snapshots an aggregate once the events since its last snapshot reach a fixed share of its whole stream, and at
 * least {@code minimum}. A topic's snapshot grows with its comments, so a fixed count would make a busy topic pay
 * for ever larger snapshots ever more often (quadratic in its length); a proportional one costs each event the same,
 * and a cold load still reads one snapshot plus at most that share of the stream.
 */
final class ProportionalSnapshotTriggerDefinition implements SnapshotTriggerDefinition {

    /** A snapshot after a quarter of the stream: a cold load replays at most 25 % on top of the snapshot. */
    static final int SHARE_DIVISOR = 4;

    private final Snapshotter snapshotter;
    private final int minimum;

    ProportionalSnapshotTriggerDefinition(Snapshotter snapshotter, int minimum) {
        this.snapshotter = snapshotter;
        this.minimum = minimum;
    }

    @Override
    public SnapshotTrigger prepareTrigger(Class<?> aggregateType) {
        return new ProportionalTrigger(snapshotter, aggregateType, minimum);
    }

    @Override
    public SnapshotTrigger reconfigure(Class<?> aggregateType, SnapshotTrigger trigger) {
        if (trigger instanceof ProportionalTrigger proportional) {
            proportional.setSnapshotter(snapshotter);
            return proportional;
        }
        return prepareTrigger(aggregateType);
    }

    /** Counts the events since the last snapshot against the length of the stream seen so far. */
    static final class ProportionalTrigger extends AbstractSnapshotTrigger {

        private static final long serialVersionUID = 1L;

        private final int minimum;
        private long eventsSinceSnapshot;
        private long streamLength;

        ProportionalTrigger(Snapshotter snapshotter, Class<?> aggregateType, int minimum) {
            super(snapshotter, aggregateType);
            this.minimum = minimum;
        }

        @Override
        public void eventHandled(EventMessage<?> message) {
            if (message instanceof DomainEventMessage<?> domainEvent) {
                streamLength = domainEvent.getSequenceNumber() + 1;
            }
            super.eventHandled(message);
        }

        @Override
        protected boolean exceedsThreshold() {
            return ++eventsSinceSnapshot >= Math.max(minimum, streamLength / SHARE_DIVISOR);
        }

        @Override
        protected void reset() {
            eventsSinceSnapshot = 0;
        }
    }
}
