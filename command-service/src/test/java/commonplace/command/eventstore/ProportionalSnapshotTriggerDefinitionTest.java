package commonplace.command.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.Snapshotter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProportionalSnapshotTriggerDefinitionTest {

    /** Records after how many handled events a snapshot was asked for. */
    private final List<Long> snapshotsAt = new ArrayList<>();
    private long handled;
    private final Snapshotter snapshotter = (type, id) -> snapshotsAt.add(handled);

    @Test
    void aShortStreamIsSnapshottedEveryMinimumNumberOfEvents() {
        SnapshotTrigger trigger = new ProportionalSnapshotTriggerDefinition(snapshotter, 10).prepareTrigger(Object.class);
        handle(trigger, 0, 35);

        assertThat(snapshotsAt).containsExactly(10L, 20L, 30L);
    }

    @Test
    void aLongStreamIsSnapshottedAfterAQuarterOfItsLength() {
        SnapshotTrigger trigger = new ProportionalSnapshotTriggerDefinition(snapshotter, 10).prepareTrigger(Object.class);
        handle(trigger, 0, 200);

        // from 40 events on, a quarter of the stream exceeds the minimum: the gaps grow with the stream
        assertThat(snapshotsAt).containsExactly(10L, 20L, 30L, 40L, 53L, 70L, 93L, 123L, 163L);
    }

    @Test
    void aTopicLoadedFromALateSnapshotCountsItsLengthFromTheSequenceNumbers() {
        SnapshotTrigger trigger = new ProportionalSnapshotTriggerDefinition(snapshotter, 10).prepareTrigger(Object.class);
        handle(trigger, 4_000, 4_999);

        assertThat(snapshotsAt).as("a quarter of about 5,000 events, not every 10").isEmpty();
        handle(trigger, 4_999, 5_400);
        assertThat(snapshotsAt).as("1,333 events after the snapshot: a quarter of 5,333").containsExactly(1_333L);
    }

    private void handle(SnapshotTrigger trigger, long fromSequence, long toSequence) {
        for (long sequence = fromSequence; sequence < toSequence; sequence++) {
            handled++;
            trigger.eventHandled(new GenericDomainEventMessage<>("Topic", "t1", sequence, "payload"));
        }
        trigger.initializationFinished();
    }
}
