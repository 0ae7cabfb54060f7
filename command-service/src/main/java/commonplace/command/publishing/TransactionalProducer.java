package commonplace.command.publishing;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The publisher's Kafka producer, used one transaction per batch so that a batch which fails half-way (a broker
 * outage, a crash) leaves nothing visible to read_committed consumers: retried batches do not duplicate events.
 * After any failure the producer is thrown away; the next batch starts a new one whose {@code initTransactions} fences
 * the old one and aborts whatever it left open. The fixed transactional id also fences a second command-service
 * instance that still thinks it owns publishing.
 */
class TransactionalProducer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransactionalProducer.class);

    private final Function<Map<String, Object>, Producer<String, byte[]>> factory;
    private final Map<String, Object> config;
    private Producer<String, byte[]> producer;
    private boolean inTransaction;

    TransactionalProducer(KafkaSettings settings) {
        this(settings, KafkaProducer::new);
    }

    TransactionalProducer(KafkaSettings settings, Function<Map<String, Object>, Producer<String, byte[]>> factory) {
        this.factory = factory;
        this.config = configuration(settings);
    }

    static Map<String, Object> configuration(KafkaSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "commonplace-command-publisher");
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "commonplace-publisher-" + settings.feedTopic());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        int deliveryTimeout = (int) settings.deliveryTimeout().toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(deliveryTimeout - 10, 10_000));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.maxBlock().toMillis());
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, deliveryTimeout + 30_000);
        // a broker that comes back is found within a second, not after the default back-off
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        config.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 1_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.putAll(settings.security().clientProperties());
        return config;
    }

    /** Starts a transaction unless one is open; called for the first event of a batch. */
    synchronized void beginIfNeeded() {
        if (inTransaction) {
            return;
        }
        try {
            if (producer == null) {
                producer = factory.apply(config);
                producer.initTransactions();
            }
            producer.beginTransaction();
            inTransaction = true;
        } catch (RuntimeException e) {
            discard();
            throw new KafkaPublishingException("could not start a Kafka transaction: " + e, e);
        }
    }

    synchronized void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record);
        } catch (RuntimeException e) {
            discard();
            throw new KafkaPublishingException("Kafka refused an event: " + e, e);
        }
    }

    /** Commits the batch: returns once Kafka acknowledged every event of it, or throws and forgets the batch. */
    synchronized void commit() {
        if (!inTransaction) {
            return;
        }
        try {
            producer.commitTransaction();
            inTransaction = false;
        } catch (RuntimeException e) {
            discard();
            throw new KafkaPublishingException("Kafka did not commit a batch: " + e, e);
        }
    }

    /** Abandons the batch; its events stay invisible to read_committed consumers. */
    synchronized void abort() {
        if (inTransaction) {
            discard();
        }
    }

    private void discard() {
        inTransaction = false;
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                log.debug("closing a failed producer: {}", e.toString());
            }
            producer = null;
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            if (inTransaction) {
                discard();
                return;
            }
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
