package commonplace.query.ingest;

import commonplace.events.KafkaClientSecurity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Where the event log lives and how this service reads it.
 *
 * @param kafkaTopic the Kafka topic every event is published to (the feed; property {@code commonplace.kafka.topic},
 *                   environment {@code COMMONPLACE_KAFKA_TOPIC}); not to be confused with a discussion topic
 * @param partitions partitions of the Kafka topic when this service creates it
 * @param group      consumer group; instances sharing it split the partitions between them
 * @param security   how every Kafka client of this service authenticates
 */
@ConfigurationProperties("commonplace.kafka")
public record KafkaSettings(String bootstrapServers, @Name("topic") String kafkaTopic,
                            @DefaultValue("6") int partitions, @DefaultValue("1") short replication,
                            @DefaultValue("commonplace-query") String group, @DefaultValue("500") int maxPollRecords,
                            @DefaultValue KafkaClientSecurity security) {
}
