package commonplace.query;

import com.zaxxer.hikari.HikariDataSource;
import commonplace.query.activity.ActivityProjection;
import commonplace.query.eventlog.EventLogProjection;
import commonplace.query.erasure.ErasureProjection;
import commonplace.query.ingest.BatchApplier;
import commonplace.query.privacy.QueryKeys;
import commonplace.query.thread.ThreadProjection;
import commonplace.query.topics.TopicsProjection;
import commonplace.testing.IsolatedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reference a rebuild is held to: the whole topic, read from offset 0 by a plain consumer, projected into an
 * empty database of its own in batches of an odd size, and dumped.
 */
final class FreshProjection {

    private static final int BATCH = 777;

    private FreshProjection() {
    }

    static Map<String, List<String>> ofWholeTopic(IsolatedInfrastructure source) {
        IsolatedInfrastructure empty = IsolatedInfrastructure.fresh("fresh-projection");
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(empty.jdbcUrl());
            dataSource.setUsername(empty.databaseUser());
            dataSource.setPassword(empty.databasePassword());
            dataSource.setSchema("query");
            dataSource.setMaximumPoolSize(2);
            dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
            Flyway.configure().dataSource(dataSource).schemas("query").defaultSchema("query").createSchemas(true)
                    .load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            copyAdminDecisions(source, jdbc);
            QueryKeys keys = QueryKeys.from(URI.create(TestKeyServer.shared().url()), () -> TestTokens.mint(
                    "fresh-projection", "Fresh projection", List.of("key-reader"), Instant.now().plusSeconds(600)));
            BatchApplier applier = new BatchApplier(jdbc, new TransactionTemplate(
                    new DataSourceTransactionManager(dataSource)), List.of(new EventLogProjection(),
                    new TopicsProjection(), new ThreadProjection(), new ActivityProjection(),
                    new ErasureProjection(keys)), keys);
            for (List<ConsumerRecord<byte[], byte[]>> batch : wholeTopic(source)) {
                applier.apply(batch);
            }
            return ReadModelDump.of(jdbc);
        }
    }

    /** What admins decided about parked topics is part of what the read models show (a skipped event stays out). */
    private static void copyAdminDecisions(IsolatedInfrastructure source, JdbcTemplate fresh) {
        try (HikariDataSource live = new HikariDataSource()) {
            live.setJdbcUrl(source.jdbcUrl());
            live.setUsername(source.databaseUser());
            live.setPassword(source.databasePassword());
            live.setSchema("query");
            live.setMaximumPoolSize(1);
            new JdbcTemplate(live).query("select topic_id, action, actor, sequence, event_type, outcome "
                    + "from parking_action order by id", row -> {
                fresh.update("insert into parking_action (topic_id, action, actor, sequence, event_type, outcome) "
                                + "values (?, ?, ?, ?, ?, ?)", row.getString(1), row.getString(2), row.getString(3),
                        row.getLong(4), row.getString(5), row.getString(6));
            });
        }
    }

    /** Every committed record of the topic, partition by partition, cut into batches. */
    private static List<List<ConsumerRecord<byte[], byte[]>>> wholeTopic(IsolatedInfrastructure source) {
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, source.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = kafka.partitionsFor(source.kafkaTopic()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = kafka.endOffsets(partitions);
            List<List<ConsumerRecord<byte[], byte[]>>> batches = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(partition -> kafka.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the topic could not be read to its end");
                }
                List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
                kafka.poll(Duration.ofMillis(500)).forEach(batch::add);
                if (!batch.isEmpty()) {
                    batches.add(batch);
                }
            }
            return batches;
        }
    }
}
