package commonplace.command.publishing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the feed's Kafka topic exists, kept forever, without holding up start-up: tries in the background and
 * keeps trying (backing off to 30 s) while the broker is not reachable. "Already exists" is success.
 */
@Component
class KafkaTopicInitializer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopicInitializer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final KafkaSettings settings;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kafka-topic-initializer");
        thread.setDaemon(true);
        return thread;
    });

    KafkaTopicInitializer(KafkaSettings settings) {
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureTopicInBackground() {
        executor.execute(() -> attempt(Duration.ofMillis(500)));
    }

    private void attempt(Duration backoff) {
        try {
            createIfMissing();
        } catch (RuntimeException e) {
            log.warn("The feed's Kafka topic {} is not confirmed yet ({}); retrying in {} ms", settings.feedTopic(),
                    e.getMessage(), backoff.toMillis());
            Duration next = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            executor.schedule(() -> attempt(next), backoff.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void createIfMissing() {
        Map<String, Object> config = new HashMap<>(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "commonplace-command-topic-initializer",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000));
        config.putAll(settings.security().clientProperties());
        try (Admin admin = Admin.create(config)) {
            NewTopic kafkaTopic = new NewTopic(settings.feedTopic(), settings.partitions(), settings.replication())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1"));
            admin.createTopics(List.of(kafkaTopic)).all().get(15, TimeUnit.SECONDS);
            log.info("Created the feed's Kafka topic {} ({} partitions, replication {}, kept forever)",
                    settings.feedTopic(), settings.partitions(), settings.replication());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                log.info("The feed's Kafka topic {} exists", settings.feedTopic());
                return;
            }
            throw new IllegalStateException(String.valueOf(e.getCause()), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the broker did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
