package commonplace.query.ingest;

import commonplace.events.KafkaClientSecurity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the event log lives and how this service reads it.
 *
 * @param group consumer group; instances sharing it split the partitions between them
 * @param security how every Kafka client of this service authenticates
 */
@ConfigurationProperties("commonplace.kafka")
public record KafkaSettings(String bootstrapServers, String topic, @DefaultValue("6") int partitions,
                            @DefaultValue("1") short replication, @DefaultValue("commonplace-query") String group,
                            @DefaultValue("500") int maxPollRecords, @DefaultValue KafkaClientSecurity security) {
}
