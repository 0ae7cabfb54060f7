package commonplace.query;

import commonplace.events.EventEnvelope;
import commonplace.local.infra.KafkaBroker;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.http.Http;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Against a real broker whose clients must log in (SASL), the service's Kafka clients (the topic's creation and end
 * offsets, the live consumer, a rebuild's consumers) use the security settings it is given: what is published is
 * projected, and rebuilt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + TestTokens.SECRET, "commonplace.kafka.topic=secured.discussion",
        "commonplace.kafka.partitions=1", "commonplace.kafka.group=secured-query",
        "commonplace.kafka.security.protocol=SASL_PLAINTEXT", "commonplace.kafka.security.sasl-mechanism=PLAIN"})
class KafkaSecurityTest {

    private static final String TOPIC = "secured.discussion";
    private static Path brokerData;
    private static KafkaBroker broker;

    @DynamicPropertySource
    static void aBrokerThatWantsALogin(DynamicPropertyRegistry registry) throws IOException {
        IsolatedInfrastructure database = IsolatedInfrastructure.forTestClass(KafkaSecurityTest.class);
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::databaseUser);
        registry.add("spring.datasource.password", database::databasePassword);
        brokerData = Files.createTempDirectory("commonplace-sasl-kafka");
        broker = KafkaBroker.withSaslOnFreePorts(brokerData,
                Map.of("commonplace-query", "query-password", "writer", "writer-password")).start();
        registry.add("commonplace.kafka.bootstrap-servers", broker::bootstrapServers);
        registry.add("commonplace.kafka.security.sasl-jaas-config",
                () -> KafkaBroker.plainJaasConfig("commonplace-query", "query-password"));
    }

    @AfterAll
    static void stopTheBroker() throws IOException {
        broker.stop();
        try (var paths = Files.walk(brokerData)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void whatIsPublishedIsProjectedThroughTheLogin() throws Exception {
        TestTopic topic = TestTopic.named("secured");
        topic.open("Secured", "ada", "Ada");
        topic.comment("c-secured", "Through the login", "ada", "Ada");
        try (KafkaProducer<String, byte[]> writer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", broker.bootstrapServers(), "acks", "all",
                "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", KafkaBroker.plainJaasConfig("writer", "writer-password")),
                new StringSerializer(), new ByteArraySerializer())) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                // the service creates the topic through its own login; publish once it exists
                for (EventEnvelope envelope : topic.envelopes()) {
                    writer.send(new ProducerRecord<>(TOPIC, envelope.topicId(), envelope.toJsonBytes())).get();
                }
                return true;
            });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForList(
                "select applied_sequence from topic_progress where topic_id = ?", Long.class, topic.topicId)
                .stream().anyMatch(sequence -> sequence >= topic.lastSequence()));
        assertThat(admin("GET", "/api/v1/admin/projections").body()).contains("\"kafkaReachable\":true");

        assertThat(admin("POST", "/api/v1/admin/projections/rebuild").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).until(() ->
                admin("GET", "/api/v1/admin/projections").body().matches("(?s).*\"lastRebuild\":\\{\"outcome\":\"\\w+\".*"));
        assertThat(admin("GET", "/api/v1/admin/projections").body())
                .contains("\"lastRebuild\":{\"outcome\":\"completed\"");
    }

    private Http.Response admin(String method, String path) {
        return new Http(port).call(method, path).token(TestTokens.admin()).send();
    }
}
