package commonplace.command.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Where and how events are published; {@code deliveryTimeout} bounds how long one batch waits for a broker that is
 * away before the publisher gives up and retries the batch, {@code maxBlock} how long a send waits for metadata.
 */
@ConfigurationProperties("commonplace.kafka")
record KafkaSettings(String bootstrapServers, String topic, int partitions, short replication,
                     Duration deliveryTimeout, Duration maxBlock) {
}
