package commonplace.analytics;

import commonplace.events.AuthorErased;
import commonplace.events.EventEnvelope;
import commonplace.events.Feed;
import commonplace.events.UnreadableEventException;
import commonplace.events.privacy.DataKeys;
import commonplace.events.privacy.DecryptedEvent;
import commonplace.events.privacy.KeyLookup;
import commonplace.events.privacy.KeyServiceClient;
import commonplace.events.privacy.KeysUnavailableException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * The example analytics consumer: reads {@value Feed#KAFKA_TOPIC} with nothing but kafka-clients and shared-events,
 * prints a live summary, and resumes where it stopped (committed offsets plus the saved summary).
 * <pre>java -jar analytics-example/target/analytics-example.jar</pre>
 * Settings from the environment: COMMONPLACE_KAFKA_BOOTSTRAP (127.0.0.1:9092), COMMONPLACE_KAFKA_TOPIC,
 * COMMONPLACE_ANALYTICS_GROUP (commonplace-analytics-example), COMMONPLACE_ANALYTICS_STATE
 * (analytics-summary.json), COMMONPLACE_ANALYTICS_PRINT_SECONDS (5), and for sealed fields COMMONPLACE_KEY_SERVICE_URL
 * (the command service) with COMMONPLACE_KEY_SERVICE_TOKEN (a key-reader service token) or COMMONPLACE_JWT_SECRET (to
 * mint one). Without a key service, sealed fields (the shared domains among them) are not counted.
 * <p>
 * Each batch's keys are fetched in one call; when the key endpoint cannot answer the batch is read again later (its
 * offsets are not committed). On an {@code AuthorErased} the keys are forgotten and the author's share of the counts
 * in that topic is dropped.
 */
public final class AnalyticsConsumer implements AutoCloseable {

    record Settings(String bootstrapServers, String topic, String groupId, Path stateFile, Duration printEvery,
                    String keyServiceUrl, String keyServiceToken, String jwtSecret) {

        Settings(String bootstrapServers, String topic, String groupId, Path stateFile, Duration printEvery) {
            this(bootstrapServers, topic, groupId, stateFile, printEvery, null, null, null);
        }

        static Settings fromEnvironment(Map<String, String> env) {
            return new Settings(
                    env.getOrDefault("COMMONPLACE_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                    env.getOrDefault("COMMONPLACE_KAFKA_TOPIC", Feed.KAFKA_TOPIC),
                    env.getOrDefault("COMMONPLACE_ANALYTICS_GROUP", "commonplace-analytics-example"),
                    Path.of(env.getOrDefault("COMMONPLACE_ANALYTICS_STATE", "analytics-summary.json")),
                    Duration.ofSeconds(Long.parseLong(env.getOrDefault("COMMONPLACE_ANALYTICS_PRINT_SECONDS", "5"))),
                    env.get("COMMONPLACE_KEY_SERVICE_URL"), env.get("COMMONPLACE_KEY_SERVICE_TOKEN"),
                    env.get("COMMONPLACE_JWT_SECRET"));
        }

        /** The data keys: from the key endpoint when one is configured, else none (sealed fields stay unread). */
        DataKeys keys() {
            if (keyServiceUrl == null || keyServiceUrl.isBlank()) {
                return keyId -> KeyLookup.unknown();
            }
            return new KeyServiceClient(URI.create(keyServiceUrl.strip()),
                    new KeyReaderToken(keyServiceToken, jwtSecret, Clock.systemUTC()), Duration.ofSeconds(5), 10_000,
                    Duration.ofMinutes(10));
        }
    }

    private final Settings settings;
    private final KafkaConsumer<String, byte[]> consumer;
    private final SummaryStore store;
    private final DiscussionSummary summary;
    private final DataKeys keys;

    AnalyticsConsumer(Settings settings) {
        this.settings = settings;
        this.keys = settings.keys();
        this.store = new SummaryStore(settings.stateFile());
        this.summary = new DiscussionSummary(store.load());
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, settings.groupId(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(settings.topic()));
    }

    /**
     * Reads one batch, counts it, saves the summary, then commits the offsets; returns the records read. When the key
     * endpoint cannot answer, nothing of the batch is counted: the consumer goes back to its start and returns 0.
     */
    int pollOnce(Duration timeout) {
        ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
        List<EventEnvelope> envelopes = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                envelopes.add(EventEnvelope.fromJson(record.value()));
            } catch (UnreadableEventException | NullPointerException e) {
                envelopes.add(null);
            }
        }
        List<DecryptedEvent> read = new ArrayList<>(envelopes.size());
        try {
            if (keys instanceof KeyServiceClient client) {
                client.prefetch(KeyServiceClient.keyIdsOf(envelopes.stream().filter(Objects::nonNull).toList()));
            }
            for (EventEnvelope envelope : envelopes) {
                read.add(envelope == null ? null : readable(envelope));
            }
        } catch (KeysUnavailableException e) {
            System.err.println("data keys unavailable (" + e.getMessage() + "); reading the batch again shortly");
            for (TopicPartition partition : records.partitions()) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
            return 0;
        }
        for (int i = 0; i < envelopes.size(); i++) {
            if (read.get(i) == null) {
                summary.countUnreadable();
                continue;
            }
            if (read.get(i).event() instanceof AuthorErased erased && keys instanceof KeyServiceClient client) {
                client.forget(erased.erasedKeyIds());
            }
            summary.count(envelopes.get(i), read.get(i).event());
        }
        if (!records.isEmpty()) {
            store.save(summary.state());
            consumer.commitSync();
        }
        return records.count();
    }

    /** The envelope decrypted, or null when its payload does not fit its type. */
    private DecryptedEvent readable(EventEnvelope envelope) {
        try {
            return envelope.read(keys);
        } catch (UnreadableEventException e) {
            return null;
        }
    }

    DiscussionSummary summary() {
        return summary;
    }

    void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Settings settings = Settings.fromEnvironment(System.getenv());
        CountDownLatch stopped = new CountDownLatch(1);
        AnalyticsConsumer analytics = new AnalyticsConsumer(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            analytics.wakeup();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "analytics-stop"));
        System.out.printf("reading %s from %s as group %s; summary kept in %s%n", settings.topic(),
                settings.bootstrapServers(), settings.groupId(), settings.stateFile().toAbsolutePath());
        long nextPrint = 0;
        try {
            while (true) {
                analytics.pollOnce(Duration.ofMillis(500));
                if (System.nanoTime() >= nextPrint) {
                    System.out.println("---- " + java.time.Instant.now() + "\n" + analytics.summary().render(10));
                    nextPrint = System.nanoTime() + settings.printEvery().toNanos();
                }
            }
        } catch (WakeupException e) {
            System.out.println("---- final\n" + analytics.summary().render(10));
        } finally {
            analytics.close();
            stopped.countDown();
        }
    }
}
