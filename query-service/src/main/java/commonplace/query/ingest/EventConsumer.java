package commonplace.query.ingest;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one consumer thread: polls the Kafka topic (the feed) and hands every batch to the {@link BatchApplier}.
 * Positions come from PostgreSQL: on assignment each partition is sought to its stored offset (or the beginning), and until that
 * worked the partition stays paused. A failed batch is sought back and offered again after a pause. A broker that
 * is down only delays it; the service answers reads meanwhile. A rebuild swaps the read models in
 * {@link #betweenBatches}: no batch is applied meanwhile, and afterwards every partition is sought to the offsets
 * stored with the new read models. Between two batches it also resumes the parked topics an admin asked to retry or
 * skip ({@link ParkedTopicResumer}), a batch's worth at a time, so live batches go on meanwhile.
 */
@Component
public class EventConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final KafkaSettings settings;
    private final BatchApplier applier;
    private final OffsetStore offsets;
    private final KafkaTopicBootstrap kafkaTopicBootstrap;
    private final IngestStatus status;
    private final List<IngestListener> listeners;
    private final ParkedTopicResumer resumer;

    private final Object lifecycle = new Object();
    /** Held while a batch is applied; fair, so a rebuild waiting for it gets it at the next batch boundary. */
    private final ReentrantLock applying = new ReentrantLock(true);
    private volatile boolean storedOffsetsReplaced;
    /** Resuming asked-for topics has more to do: poll without waiting, so that it goes on at once. */
    private boolean resuming;
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private CountDownLatch stopSignal = new CountDownLatch(0);
    private Thread thread;

    EventConsumer(KafkaSettings settings, BatchApplier applier, OffsetStore offsets,
                  KafkaTopicBootstrap kafkaTopicBootstrap, IngestStatus status, List<IngestListener> listeners,
                  ParkedTopicResumer resumer) {
        this.settings = settings;
        this.applier = applier;
        this.offsets = offsets;
        this.kafkaTopicBootstrap = kafkaTopicBootstrap;
        this.status = status;
        this.listeners = listeners;
        this.resumer = resumer;
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (running) {
                return;
            }
            running = true;
            stopSignal = new CountDownLatch(1);
            thread = new Thread(this::run, "commonplace-query-consumer");
            thread.start();
        }
    }

    /** Wakes the consumer; a batch being applied finishes (its transaction commits) before the thread ends. */
    @Override
    public void stop() {
        Thread stopping;
        synchronized (lifecycle) {
            if (!running) {
                return;
            }
            running = false;
            stopSignal.countDown();
            KafkaConsumer<byte[], byte[]> current = consumer;
            if (current != null) {
                current.wakeup();
            }
            stopping = thread;
        }
        try {
            stopping.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Runs {@code action} between two batches: no batch is applied while it runs. Afterwards the consumer drops
     * what it fetched and seeks every partition to the offsets then stored, since the action may have replaced the
     * read models and their stored offsets.
     */
    public void betweenBatches(Runnable action) {
        applying.lock();
        try {
            action.run();
        } finally {
            storedOffsetsReplaced = true;
            applying.unlock();
        }
    }

    private void run() {
        Duration backoff = MIN_BACKOFF;
        while (running && !kafkaTopicBootstrap.ensureKafkaTopic()) {
            if (pause(backoff)) {
                return;
            }
            backoff = longer(backoff);
        }
        try (KafkaConsumer<byte[], byte[]> kafka = KafkaClients.consumer(settings)) {
            consumer = kafka;
            if (!running) {
                return;
            }
            Set<TopicPartition> unsought = new HashSet<>();
            kafka.subscribe(List.of(settings.kafkaTopic()), new SeekToStoredOffsets(kafka, unsought));
            backoff = MIN_BACKOFF;
            while (running) {
                try {
                    pollAndApply(kafka, unsought);
                    backoff = MIN_BACKOFF;
                } catch (WakeupException e) {
                    // stop() asked; the loop condition ends it
                } catch (RuntimeException e) {
                    log.warn("Consuming failed ({}); trying again in {} ms", e.toString(), backoff.toMillis());
                    if (pause(backoff)) {
                        return;
                    }
                    backoff = longer(backoff);
                }
            }
        } catch (WakeupException e) {
            // stopped while closing
        } catch (RuntimeException e) {
            log.error("The event consumer stopped", e);
        } finally {
            consumer = null;
            log.info("Event consumer stopped");
        }
    }

    private void pollAndApply(KafkaConsumer<byte[], byte[]> kafka, Set<TopicPartition> unsought) {
        seekUnsought(kafka, unsought);
        ConsumerRecords<byte[], byte[]> polled = kafka.poll(resuming ? Duration.ZERO : POLL_TIMEOUT);
        applying.lock();
        try {
            if (storedOffsetsReplaced) {
                storedOffsetsReplaced = false;
                seekAllToStoredOffsets(kafka, unsought);
                return;
            }
            applyPolled(kafka, polled, unsought);
            resumeRequested();
        } finally {
            applying.unlock();
        }
    }

    /** Forgets what was fetched: every assigned partition goes back to the offset stored with the read models. */
    private void seekAllToStoredOffsets(KafkaConsumer<byte[], byte[]> kafka, Set<TopicPartition> unsought) {
        Set<TopicPartition> assigned = kafka.assignment();
        if (assigned.isEmpty()) {
            return;
        }
        kafka.pause(assigned);
        unsought.addAll(assigned);
        seekUnsought(kafka, unsought);
    }

    private void applyPolled(KafkaConsumer<byte[], byte[]> kafka, ConsumerRecords<byte[], byte[]> polled,
                             Set<TopicPartition> unsought) {
        if (polled.isEmpty()) {
            if (unsought.isEmpty() && !kafka.assignment().isEmpty()) {
                status.recordPositions(positions(kafka));
                status.recordCaughtUp(Instant.now());
            }
            return;
        }
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(polled.count());
        Map<TopicPartition, Long> firstOffsets = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> nextOffsets = new HashMap<>();
        for (TopicPartition partition : polled.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> ofPartition = polled.records(partition);
            records.addAll(ofPartition);
            firstOffsets.put(partition, ofPartition.get(0).offset());
            nextOffsets.put(partition, new OffsetAndMetadata(ofPartition.get(ofPartition.size() - 1).offset() + 1));
        }
        BatchOutcome outcome;
        long started = System.nanoTime();
        try {
            outcome = applier.apply(records);
        } catch (RuntimeException e) {
            // nothing was stored: offer the same records again
            firstOffsets.forEach(kafka::seek);
            throw e;
        }
        log.debug("Applied a batch of {} records in {} ms: {} applied, {} duplicates, {} dead letters, {} parked",
                records.size(), (System.nanoTime() - started) / 1_000_000, outcome.applied(),
                outcome.skippedDuplicates(), outcome.deadLettered(), outcome.parked());
        committed(outcome);
        status.recordPositions(positions(kafka));
        // only for Kafka's own tooling (consumer group lag); this service resumes from PostgreSQL
        kafka.commitAsync(nextOffsets, null);
    }

    /** Resumes some of the topics an admin asked to retry or skip; a database that does not answer waits as a batch does. */
    private void resumeRequested() {
        ParkedTopicResumer.Progress progress = resumer.resumeRequested(settings.maxPollRecords());
        resuming = progress.more();
        if (!progress.outcome().equals(BatchOutcome.empty())) {
            committed(progress.outcome());
        }
    }

    /** Tells everyone who follows the read models what a committed transaction did. */
    private void committed(BatchOutcome outcome) {
        status.recordBatch(outcome);
        for (IngestListener listener : listeners) {
            listener.batchCommitted(outcome.appliedSequenceByTopic());
            if (!outcome.parkedTopics().isEmpty()) {
                listener.topicsParked(outcome.parkedTopics());
            }
        }
    }

    /** Where the consumer will fetch next in each assigned partition (local state: no call to the broker). */
    private static Map<Integer, Long> positions(KafkaConsumer<byte[], byte[]> kafka) {
        Map<Integer, Long> positions = new HashMap<>();
        for (TopicPartition partition : kafka.assignment()) {
            try {
                positions.put(partition.partition(), kafka.position(partition, Duration.ZERO));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                // no position yet (not sought); the stored offset stands
            }
        }
        return positions;
    }

    private void seekUnsought(KafkaConsumer<byte[], byte[]> kafka, Set<TopicPartition> unsought) {
        if (unsought.isEmpty()) {
            return;
        }
        Map<Integer, Long> stored;
        try {
            stored = offsets.load(settings.kafkaTopic());
        } catch (RuntimeException e) {
            log.warn("Stored offsets could not be read ({}); partitions {} stay paused", e.toString(), unsought);
            return;
        }
        List<TopicPartition> fromBeginning = new ArrayList<>();
        for (TopicPartition partition : unsought) {
            Long next = stored.get(partition.partition());
            if (next == null) {
                fromBeginning.add(partition);
            } else {
                kafka.seek(partition, next);
            }
        }
        if (!fromBeginning.isEmpty()) {
            kafka.seekToBeginning(fromBeginning);
        }
        log.info("Resuming partitions {} from stored offsets ({} from the beginning)", unsought, fromBeginning.size());
        kafka.resume(unsought);
        unsought.clear();
    }

    /** Waits unless stop() is called first; true when stopping. */
    private boolean pause(Duration duration) {
        try {
            return stopSignal.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static Duration longer(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    /** Pauses newly assigned partitions until they are sought to the offsets stored with the read models. */
    private final class SeekToStoredOffsets implements ConsumerRebalanceListener {

        private final KafkaConsumer<byte[], byte[]> kafka;
        private final Set<TopicPartition> unsought;

        SeekToStoredOffsets(KafkaConsumer<byte[], byte[]> kafka, Set<TopicPartition> unsought) {
            this.kafka = kafka;
            this.unsought = unsought;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            kafka.pause(partitions);
            unsought.addAll(partitions);
            seekUnsought(kafka, unsought);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // every applied batch is committed before the next poll, so there is nothing to flush here
            unsought.removeAll(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            unsought.removeAll(partitions);
        }
    }
}
