package commonplace.analytics;

import commonplace.events.EventEnvelope;
import commonplace.events.Feed;
import commonplace.events.UnreadableEventException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The example analytics consumer: reads {@value Feed#KAFKA_TOPIC} with nothing but kafka-clients and shared-events,
 * prints a live summary, and resumes where it stopped (committed offsets plus the saved summary).
 * <pre>java -jar analytics-example/target/analytics-example.jar</pre>
 * Settings from the environment: COMMONPLACE_KAFKA_BOOTSTRAP (127.0.0.1:9092), COMMONPLACE_KAFKA_TOPIC,
 * COMMONPLACE_ANALYTICS_GROUP (commonplace-analytics-example), COMMONPLACE_ANALYTICS_STATE
 * (analytics-summary.json), COMMONPLACE_ANALYTICS_PRINT_SECONDS (5).
 */
public final class AnalyticsConsumer implements AutoCloseable {

    record Settings(String bootstrapServers, String topic, String groupId, Path stateFile, Duration printEvery) {

        static Settings fromEnvironment(Map<String, String> env) {
            return new Settings(
                    env.getOrDefault("COMMONPLACE_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                    env.getOrDefault("COMMONPLACE_KAFKA_TOPIC", Feed.KAFKA_TOPIC),
                    env.getOrDefault("COMMONPLACE_ANALYTICS_GROUP", "commonplace-analytics-example"),
                    Path.of(env.getOrDefault("COMMONPLACE_ANALYTICS_STATE", "analytics-summary.json")),
                    Duration.ofSeconds(Long.parseLong(env.getOrDefault("COMMONPLACE_ANALYTICS_PRINT_SECONDS", "5"))));
        }
    }

    private final Settings settings;
    private final KafkaConsumer<String, byte[]> consumer;
    private final SummaryStore store;
    private final DiscussionSummary summary;

    AnalyticsConsumer(Settings settings) {
        this.settings = settings;
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

    /** Reads one batch, counts it, saves the summary, then commits the offsets; returns the records read. */
    int pollOnce(Duration timeout) {
        ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                summary.count(EventEnvelope.fromJson(record.value()));
            } catch (UnreadableEventException | NullPointerException e) {
                summary.countUnreadable();
            }
        }
        if (!records.isEmpty()) {
            store.save(summary.state());
            consumer.commitSync();
        }
        return records.count();
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
