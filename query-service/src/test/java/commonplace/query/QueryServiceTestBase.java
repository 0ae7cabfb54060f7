package commonplace.query;

import commonplace.events.EventEnvelope;
import commonplace.events.Feed;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.http.Http;
import commonplace.testing.http.Http.Response;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;

/**
 * The running service on real PostgreSQL and Kafka, shared by the Spring test classes (one application context):
 * tests publish envelopes to the topic the way the command service does and read them back over HTTP.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=query-service-tests-secret-long-enough-for-hs256",
        "commonplace.query.consistency-timeout=4s",
        "commonplace.kafka.group=query-service-tests",
        "commonplace.kafka.partitions=3",
        // reads from this JVM are loopback and never throttled; a test poses as other clients through the header
        "commonplace.query.read-limit.unlimited-addresses=127.0.0.0/8,::1",
        "commonplace.query.read-limit.client-address-header=X-Forwarded-For",
        // small rebuild batches: the tests' few thousand events still make many batches per worker
        "commonplace.query.rebuild.max-poll-records=1000"})
abstract class QueryServiceTestBase {

    static final IsolatedInfrastructure INFRASTRUCTURE = IsolatedInfrastructure.forTestClass(QueryServiceTestBase.class);
    private static KafkaProducer<String, byte[]> producer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRASTRUCTURE.registerSpringProperties(registry);
        // sealed events are opened with keys from a real HTTP key endpoint (the command service's contract)
        registry.add("commonplace.query.keys.url", () -> TestKeyServer.shared().url());
    }

    @LocalServerPort
    int port;

    private Http http;

    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    /** The shared test client (test-support's), pointed at this test's running service. */
    Http http() {
        if (http == null) {
            http = new Http(port);
        }
        return http;
    }

    Response get(String pathAndQuery) {
        return http().get(pathAndQuery);
    }

    /** A GET with an admin's token: the admin API and the metrics need one. */
    Response getAsAdmin(String pathAndQuery) {
        return http().get(pathAndQuery, TestTokens.admin());
    }

    /** A request to this service put together call by call: headers, token, body. */
    Http.Call call(String method, String pathAndQuery) {
        return http().call(method, pathAndQuery);
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Publishes like the command service: key topicId, value the envelope's JSON, type and version headers. */
    static void publish(List<EventEnvelope> envelopes) {
        List<Future<?>> sent = new ArrayList<>();
        for (EventEnvelope envelope : envelopes) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(INFRASTRUCTURE.kafkaTopic(),
                    envelope.topicId(), envelope.toJsonBytes());
            record.headers().add(Feed.HEADER_TYPE, envelope.type().getBytes(StandardCharsets.UTF_8));
            record.headers().add(Feed.HEADER_SCHEMA_VERSION,
                    String.valueOf(envelope.schemaVersion()).getBytes(StandardCharsets.UTF_8));
            sent.add(producer().send(record));
        }
        awaitSent(sent);
    }

    static void publishRaw(String key, byte[] value) {
        awaitSent(List.of(producer().send(new ProducerRecord<>(INFRASTRUCTURE.kafkaTopic(), key, value))));
    }

    void awaitApplied(String topicId, long sequence) {
        await().atMost(Duration.ofSeconds(60)).until(() -> appliedSequence(topicId) >= sequence);
    }

    long appliedSequence(String topicId) {
        Long applied = jdbc.query("select applied_sequence from topic_progress where topic_id = ?",
                row -> row.next() ? row.getLong(1) : null, topicId);
        return applied == null ? 0 : applied;
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRASTRUCTURE.kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private static void awaitSent(List<Future<?>> sent) {
        producer().flush();
        for (Future<?> future : sent) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("publishing failed", e.getCause());
            }
        }
    }
}
