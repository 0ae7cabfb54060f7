package commonplace.command.publishing;

import commonplace.events.DiscussionEvent;
import commonplace.events.EventEnvelope;
import commonplace.events.EventTypes;
import commonplace.events.Feed;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Publishes every stored event to the feed's Kafka topic as the contract's envelope (key = discussion topic id,
 * sequence = Axon's domain sequence number + 1, headers type and schemaVersion), with the payload exactly as stored:
 * sealed, never decrypted and written again here (upcast only when it was stored in an older version). One batch of the tracking processor
 * is one Kafka transaction, committed before the batch's unit of work commits (and with it the processor's token): a
 * batch that fails is aborted and sent again, so read_committed consumers see every event once, in order per
 * discussion topic. Only a crash
 * between the Kafka commit and the token commit can show an event twice (same eventId and sequence).
 */
@Component
@ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
class KafkaPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String BATCH_TRANSACTION = KafkaPublisher.class.getName() + ".batchTransaction";

    private final TransactionalProducer producer;
    private final KafkaSettings settings;
    private final JdbcTemplate tokenTransaction;
    private final Serializer eventSerializer;

    KafkaPublisher(TransactionalProducer producer, KafkaSettings settings, JdbcTemplate tokenTransaction,
                   @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.producer = producer;
        this.settings = settings;
        this.tokenTransaction = tokenTransaction;
        this.eventSerializer = eventSerializer;
    }

    /** Never binds the payload to its record: the stored form is what is published (see {@link StoredPayload}). */
    @EventHandler(payloadType = DiscussionEvent.class)
    void on(DomainEventMessage<?> message, @SequenceNumber long sequenceNumber, @Timestamp Instant occurredAt,
            @MessageIdentifier String eventId) {
        EventTypes.EventType type = EventTypes.of(message.getPayloadType());
        StoredPayload stored = StoredPayload.of(message.serializePayload(eventSerializer, byte[].class).getData());
        // the topic is the aggregate: its id is every event's topicId
        EventEnvelope envelope = new EventEnvelope(eventId, type.name(), type.schemaVersion(),
                message.getAggregateIdentifier(), sequenceNumber + 1, occurredAt.truncatedTo(ChronoUnit.MILLIS),
                stored.authorId(), stored.payload());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.feedTopic(), null,
                envelope.occurredAt().toEpochMilli(), envelope.topicId(), envelope.toJsonBytes(), List.of(
                new RecordHeader(Feed.HEADER_TYPE, envelope.type().getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(Feed.HEADER_SCHEMA_VERSION,
                        String.valueOf(envelope.schemaVersion()).getBytes(StandardCharsets.UTF_8))));
        joinBatchTransaction();
        producer.send(record);
    }

    /**
     * The first event of a batch opens its Kafka transaction and ties it to the batch's unit of work: committed
     * before the token moves, aborted when the batch rolls back.
     */
    private void joinBatchTransaction() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        unitOfWork.getOrComputeResource(BATCH_TRANSACTION, key -> {
            producer.beginIfNeeded();
            unitOfWork.onPrepareCommit(u -> {
                confirmTokenCanBeStored();
                producer.commit();
            });
            unitOfWork.onRollback(u -> producer.abort());
            return Boolean.TRUE;
        });
    }

    /**
     * Asks the database, inside the batch's own transaction, whether it is still there before Kafka commits: while
     * PostgreSQL is away a batch is then aborted in Kafka too, instead of being committed again on every retry.
     */
    private void confirmTokenCanBeStored() {
        tokenTransaction.queryForObject("select 1", Integer.class);
    }
}
