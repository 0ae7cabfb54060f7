package commonplace.command.publishing;

import commonplace.command.support.Tokens;
import commonplace.local.infra.KafkaBroker;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.http.Http;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Against a real broker whose clients must log in (SASL), the service's Kafka clients (the topic's creation, the
 * publishing producer) use the security settings it is given, and what it records reaches the topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET, "commonplace.kafka.topic=secured.discussion",
        "commonplace.kafka.partitions=1", "commonplace.kafka.security.protocol=SASL_PLAINTEXT",
        "commonplace.kafka.security.sasl-mechanism=PLAIN"})
class KafkaSecurityTest {

    private static final String TOPIC = "secured.discussion";
    private static final String PASSWORD = "command-password";
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
                Map.of("commonplace-command", PASSWORD, "reader", "reader-password")).start();
        registry.add("commonplace.kafka.bootstrap-servers", broker::bootstrapServers);
        registry.add("commonplace.kafka.security.sasl-jaas-config",
                () -> KafkaBroker.plainJaasConfig("commonplace-command", PASSWORD));
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

    @Test
    void whatIsRecordedIsPublishedThroughTheLogin() {
        assertThat(new Http(port).put("/api/v1/topics/secured", Tokens.author("ada", "Ada"),
                Map.of("title", "Secured")).status()).isEqualTo(201);
        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", broker.bootstrapServers(), "group.id", "sasl-reader",
                "auto.offset.reset", "earliest", "isolation.level", "read_committed",
                "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", KafkaBroker.plainJaasConfig("reader", "reader-password")),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                if (reader.subscription().isEmpty() && reader.listTopics(Duration.ofSeconds(5)).containsKey(TOPIC)) {
                    reader.subscribe(List.of(TOPIC));
                }
                if (!reader.subscription().isEmpty()) {
                    reader.poll(Duration.ofMillis(500)).forEach(received::add);
                }
                return received.stream().anyMatch(record -> "secured".equals(record.key()));
            });
        }
    }

    @Test
    void theBrokerRefusesAClientWithoutTheLogin() {
        try (Admin anonymous = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "request.timeout.ms", 2_000, "default.api.timeout.ms", 3_000))) {
            assertThatThrownBy(() -> anonymous.listTopics(new ListTopicsOptions().timeoutMs(3_000)).names()
                    .get(5, TimeUnit.SECONDS)).isNotNull();
        }
    }
}
