package commonplace.query.ingest;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the Kafka topic the events arrive on (the feed) exists: created with the contract's settings (kept
 * forever) unless it is there.
 */
@Component
class KafkaTopicBootstrap {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopicBootstrap.class);

    private final Admin admin;
    private final KafkaSettings settings;

    KafkaTopicBootstrap(Admin admin, KafkaSettings settings) {
        this.admin = admin;
        this.settings = settings;
    }

    /** One attempt; false when the broker could not be reached or refused for a passing reason. */
    boolean ensureKafkaTopic() {
        NewTopic kafkaTopic = new NewTopic(settings.kafkaTopic(), settings.partitions(), settings.replication())
                .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1"));
        try {
            admin.createTopics(List.of(kafkaTopic)).all().get(15, TimeUnit.SECONDS);
            log.info("Created Kafka topic {} with {} partitions", settings.kafkaTopic(), settings.partitions());
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return true;
            }
            log.warn("Kafka topic {} could not be ensured yet: {}", settings.kafkaTopic(), e.getCause().toString());
            return false;
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("Kafka topic {} could not be ensured yet: the broker did not answer", settings.kafkaTopic());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
