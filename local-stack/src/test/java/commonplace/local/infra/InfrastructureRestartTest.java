package commonplace.local.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureRestartTest {

    @TempDir
    Path data;

    @Test
    void a_restarted_broker_still_has_every_record() throws Exception {
        try (KafkaBroker broker = KafkaBroker.onFreePorts(data.resolve("kafka")).start()) {
            Map<String, Object> common = Map.of("bootstrap.servers", broker.bootstrapServers());
            try (Admin admin = Admin.create(common)) {
                admin.createTopics(List.of(new NewTopic("t", 1, (short) 1))).all().get();
            }
            try (var producer = new KafkaProducer<>(common, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("t", "k", "før omstart")).get();
            }

            broker.stop();
            assertThat(FreePorts.isListening("127.0.0.1", Integer.parseInt(broker.bootstrapServers().split(":")[1])))
                    .isFalse();
            broker.start();

            try (var consumer = new KafkaConsumer<>(common, new StringDeserializer(), new StringDeserializer())) {
                TopicPartition partition = new TopicPartition("t", 0);
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                List<String> values = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (values.isEmpty() && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        values.add(record.value());
                    }
                }
                assertThat(values).containsExactly("før omstart");
            }
        }
    }

    @Test
    void a_restarted_postgres_still_has_every_row() throws Exception {
        try (PostgresServer postgres = PostgresServer.durable(data.resolve("pg"), FreePorts.find()).start()) {
            postgres.createDatabaseIfMissing("commonplace");
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("commonplace"), PostgresServer.USER, "");
                 Statement s = c.createStatement()) {
                s.execute("create table kept (body text)");
                s.execute("insert into kept values ('blåbærsyltetøy')");
            }

            postgres.stop();
            postgres.start();

            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("commonplace"), PostgresServer.USER, "");
                 Statement s = c.createStatement(); ResultSet rows = s.executeQuery("select body from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("blåbærsyltetøy");
            }
        }
    }
}
