package commonplace.query.ingest;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.Map;

/** The Kafka clients of this service, configured in one place; each takes the broker's security settings. */
@Configuration(proxyBeanMethods = false)
public class KafkaClients {

    /**
     * Used for creating the Kafka topic and reading end offsets; it connects lazily, so a broker that is down is fine.
     */
    @Bean(destroyMethod = "close")
    Admin kafkaAdmin(KafkaSettings settings) {
        return Admin.create(secured(settings, Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "commonplace-query-admin",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000)));
    }

    static KafkaConsumer<byte[], byte[]> consumer(KafkaSettings settings) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, settings.group(),
                ConsumerConfig.CLIENT_ID_CONFIG, "commonplace-query-" + settings.group(),
                // offsets live in PostgreSQL with the read models; what Kafka keeps is for monitoring tools only
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
        // keys as bytes too: any bytes are a valid key, and a dead letter keeps them exactly
        return new KafkaConsumer<>(secured(settings, config), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** {@code config} with the broker's security settings added (the rebuild's consumers take them here too). */
    public static Map<String, Object> secured(KafkaSettings settings, Map<String, Object> config) {
        Map<String, Object> secured = new HashMap<>(config);
        secured.putAll(settings.security().clientProperties());
        return secured;
    }
}
