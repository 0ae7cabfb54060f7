package commonplace.query.rebuild;

import commonplace.query.ingest.BatchApplier;
import commonplace.query.ingest.BatchOutcome;
import commonplace.query.ingest.KafkaClients;
import commonplace.query.ingest.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a share of the Kafka topic's partitions from offset 0 and applies them to the rebuild schema. No consumer
 * group: the partitions are assigned by hand and start at the beginning, in big fetches and big batches. Replays
 * of disjoint shares run side by side: a discussion topic lives in one partition, so they never touch the same
 * topic's rows.
 * One thread at a time may call it, except {@link #wakeup()}.
 */
final class Replay implements AutoCloseable {

    /** One poll: how many records came, and what applying them did. */
    record Step(int records, BatchOutcome outcome) {
    }

    private static final Duration END_OFFSETS_MAX_AGE = Duration.ofSeconds(1);

    private final KafkaConsumer<byte[], byte[]> kafka;
    private final List<TopicPartition> partitions;
    private final BatchApplier applier;
    private Map<TopicPartition, Long> endOffsets = Map.of();
    private long endOffsetsReadAt;

    private Replay(KafkaConsumer<byte[], byte[]> kafka, List<TopicPartition> partitions, BatchApplier applier) {
        this.kafka = kafka;
        this.partitions = partitions;
        this.applier = applier;
    }

    /** The partitions whose number modulo {@code shares} is {@code share}, from the beginning. */
    static Replay fromTheBeginning(KafkaSettings settings, int maxPollRecords, BatchApplier applier, int share,
                                   int shares) {
        KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(KafkaClients.secured(settings, Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, "commonplace-query-rebuild-" + share,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // what the live consumer sees: never records of a publisher transaction that did not commit
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords,
                // big enough for a full poll batch, small enough that two workers' fetch buffers do not crowd the heap
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024,
                ConsumerConfig.RECEIVE_BUFFER_CONFIG, 1024 * 1024,
                ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            List<PartitionInfo> found = kafka.partitionsFor(settings.kafkaTopic(), Duration.ofSeconds(30));
            List<TopicPartition> partitions = found == null ? List.of() : found.stream()
                    .filter(info -> info.partition() % shares == share)
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            return new Replay(kafka, partitions, applier);
        } catch (RuntimeException e) {
            kafka.close(Duration.ZERO);
            throw e;
        }
    }

    /** Polls once and applies what came in one transaction of the rebuild schema. */
    Step pollAndApply(Duration timeout) {
        if (partitions.isEmpty()) {
            return new Step(0, BatchOutcome.empty());
        }
        ConsumerRecords<byte[], byte[]> polled = kafka.poll(timeout);
        if (polled.isEmpty()) {
            return new Step(0, BatchOutcome.empty());
        }
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(polled.count());
        Map<TopicPartition, Long> firstOffsets = new HashMap<>();
        for (TopicPartition partition : polled.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> ofPartition = polled.records(partition);
            records.addAll(ofPartition);
            firstOffsets.put(partition, ofPartition.get(0).offset());
        }
        try {
            return new Step(records.size(), applier.apply(records));
        } catch (RuntimeException e) {
            // nothing was stored: the same records come again with the next poll
            firstOffsets.forEach(kafka::seek);
            throw e;
        }
    }

    /** True when every partition has been read at least up to {@code nextOffsets} (by partition number). */
    boolean reached(Map<Integer, Long> nextOffsets) {
        return behind(nextOffsets) == 0;
    }

    /** How many offsets this replay still has to read to reach {@code nextOffsets} (by partition number). */
    long behind(Map<Integer, Long> nextOffsets) {
        long behind = 0;
        for (TopicPartition partition : partitions) {
            Long target = nextOffsets.get(partition.partition());
            if (target != null) {
                behind += Math.max(0, target - kafka.position(partition));
            }
        }
        return behind;
    }

    /** Offsets between this replay and the end of the Kafka topic, with end offsets at most a second old. */
    long remaining() {
        if (partitions.isEmpty()) {
            return 0;
        }
        long now = System.nanoTime();
        if (endOffsets.isEmpty() || now - endOffsetsReadAt > END_OFFSETS_MAX_AGE.toNanos()) {
            endOffsets = kafka.endOffsets(partitions, Duration.ofSeconds(5));
            endOffsetsReadAt = now;
        }
        long remaining = 0;
        for (TopicPartition partition : partitions) {
            remaining += Math.max(0, endOffsets.getOrDefault(partition, 0L) - kafka.position(partition));
        }
        return remaining;
    }

    /** Makes a poll of the rebuild thread return at once, with a WakeupException. Safe from any thread. */
    void wakeup() {
        kafka.wakeup();
    }

    @Override
    public void close() {
        kafka.close(Duration.ofSeconds(5));
    }
}
