package commonplace.command.publishing;

import commonplace.events.KafkaClientSecurity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

import java.time.Duration;

/**
 * Where and how events are published: {@code feedTopic} is the feed's Kafka topic (the setting keeps its shipped
 * name, {@code commonplace.kafka.topic} from {@code COMMONPLACE_KAFKA_TOPIC}), created with {@code partitions} and
 * {@code replication} when missing; {@code deliveryTimeout} bounds how long one batch waits for a broker that is
 * away before the publisher gives up and retries the batch, {@code maxBlock} how long a send waits for metadata;
 * {@code security} is how every Kafka client of this service authenticates.
 */
@ConfigurationProperties("commonplace.kafka")
record KafkaSettings(String bootstrapServers, @Name("topic") String feedTopic, int partitions, short replication,
                     Duration deliveryTimeout, Duration maxBlock, @DefaultValue KafkaClientSecurity security) {
}
