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

/** Makes sure the event topic exists: created with the contract's settings (kept forever) unless it is there. */
@Component
class TopicBootstrap {

    private static final Logger log = LoggerFactory.getLogger(TopicBootstrap.class);

    private final Admin admin;
    private final KafkaSettings settings;

    TopicBootstrap(Admin admin, KafkaSettings settings) {
        this.admin = admin;
        this.settings = settings;
    }

    /** One attempt; false when the broker could not be reached or refused for a passing reason. */
    boolean ensureTopic() {
        NewTopic topic = new NewTopic(settings.topic(), settings.partitions(), settings.replication())
                .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1"));
        try {
            admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
            log.info("Created Kafka topic {} with {} partitions", settings.topic(), settings.partitions());
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return true;
            }
            log.warn("Kafka topic {} could not be ensured yet: {}", settings.topic(), e.getCause().toString());
            return false;
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("Kafka topic {} could not be ensured yet: the broker did not answer", settings.topic());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
