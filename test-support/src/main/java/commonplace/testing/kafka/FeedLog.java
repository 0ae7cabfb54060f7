package commonplace.testing.kafka;

import commonplace.events.EventEnvelope;
import commonplace.events.privacy.DataKeys;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the feed's Kafka topic from the beginning, as an analytics consumer would ({@code read_committed}): polled
 * again and again while a test writes ({@link #poll()}), or once up to the end offsets ({@link #readAll}). With the
 * data keys, envelopes are decrypted as a trusted consumer reads them; without, as they are on the wire.
 */
public final class FeedLog implements AutoCloseable {

    /**
     * One record as it arrived: key, headers, the envelope (decrypted when the log has keys) and the record's raw
     * value and header bytes (what a plain consumer sees).
     */
    public record Received(String key, String typeHeader, String schemaVersionHeader, EventEnvelope envelope,
                           byte[] rawValue, List<byte[]> rawHeaders) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final String kafkaTopic;
    private final DataKeys keys;
    private final List<Received> received = new ArrayList<>();

    public FeedLog(String bootstrapServers, String kafkaTopic) {
        this(bootstrapServers, kafkaTopic, null);
    }

    public FeedLog(String bootstrapServers, String kafkaTopic, DataKeys keys) {
        this.kafkaTopic = kafkaTopic;
        this.keys = keys;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
    }

    /** Everything received so far, polling for more first. Partitions are assigned once the Kafka topic exists. */
    public synchronized List<Received> poll() {
        if (consumer.assignment().isEmpty()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(kafkaTopic, Duration.ofSeconds(5));
            if (partitions == null || partitions.isEmpty()) {
                return List.copyOf(received);
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(kafkaTopic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            EventEnvelope envelope = EventEnvelope.fromJson(record.value());
            List<byte[]> headers = new ArrayList<>();
            record.headers().forEach(header -> headers.add(header.value()));
            received.add(new Received(record.key(), header(record, "type"), header(record, "schemaVersion"),
                    keys == null ? envelope : envelope.decrypted(keys), record.value(), headers));
        }
        return List.copyOf(received);
    }

    /** Everything committed to {@code kafkaTopic} when this is called, in each partition's order. */
    public static List<EventEnvelope> readAll(String bootstrapServers, String kafkaTopic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(kafkaTopic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(kafkaTopic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<EventEnvelope> envelopes = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!caughtUp(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    envelopes.add(EventEnvelope.fromJson(record.value()));
                }
            }
            return envelopes;
        }
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /** What was received for one discussion topic, in order. */
    public List<Received> forTopic(String topicId) {
        return poll().stream().filter(r -> r.envelope().topicId().equals(topicId)).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
