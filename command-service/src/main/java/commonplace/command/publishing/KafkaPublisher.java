package commonplace.command.publishing;

import commonplace.events.DiscussionEvent;
import commonplace.events.EventEnvelope;
import commonplace.events.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every stored event to the Kafka topic as the contract's envelope (key = topic id, sequence = Axon's
 * domain sequence number + 1, headers type and schemaVersion). Sends of one batch go out together; before the batch's
 * unit of work commits (and with it the processor's token) every send must be acknowledged, else the batch fails
 * and is sent again: at least once, in order per topic.
 */
@Component
@ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
class KafkaPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING_SENDS = KafkaPublisher.class.getName() + ".pendingSends";

    private final Producer<String, byte[]> producer;
    private final KafkaSettings settings;

    KafkaPublisher(Producer<String, byte[]> producer, KafkaSettings settings) {
        this.producer = producer;
        this.settings = settings;
    }

    @EventHandler
    void on(DiscussionEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant occurredAt,
            @MessageIdentifier String eventId) {
        EventEnvelope envelope = EventEnvelope.wrap(eventId, sequenceNumber + 1, occurredAt, event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.topic(), null,
                envelope.occurredAt().toEpochMilli(), envelope.topicId(), envelope.toJsonBytes(), List.of(
                new RecordHeader(Topics.HEADER_TYPE, envelope.type().getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(Topics.HEADER_SCHEMA_VERSION,
                        String.valueOf(envelope.schemaVersion()).getBytes(StandardCharsets.UTF_8))));
        pendingSends().add(producer.send(record));
    }

    /** The sends of the current batch; the first event of a batch registers the wait for their acknowledgements. */
    private List<Future<RecordMetadata>> pendingSends() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING_SENDS, key -> {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<Future<RecordMetadata>> sends) {
        long deadline = System.nanoTime() + settings.deliveryTimeout().plusSeconds(5).toNanos();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new KafkaPublishingException("Kafka did not acknowledge an event: " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new KafkaPublishingException("Kafka did not acknowledge an event in time", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaPublishingException("interrupted while waiting for Kafka", e);
            }
        }
    }
}
