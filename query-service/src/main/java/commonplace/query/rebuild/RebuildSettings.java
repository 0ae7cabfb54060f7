package commonplace.query.rebuild;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How a rebuild replays the Kafka topic.
 *
 * @param maxPollRecords records per poll and per transaction of the rebuild schema
 * @param workers        replays side by side, each with a share of the partitions and a connection of its own
 * @param deferIndexes   drop the secondary indexes for the bulk load and build them once afterwards
 * @param switchDeadline how long the live consumer may be held while the rebuild applies its last records
 */
@ConfigurationProperties("commonplace.query.rebuild")
record RebuildSettings(@DefaultValue("5000") int maxPollRecords, @DefaultValue("2") int workers,
                       @DefaultValue("true") boolean deferIndexes,
                       @DefaultValue("30s") Duration switchDeadline) {
}
