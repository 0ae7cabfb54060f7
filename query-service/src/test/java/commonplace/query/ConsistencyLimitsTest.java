package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.ConsistencyPosition;
import commonplace.events.EventEnvelope;
import commonplace.events.EventJson;
import commonplace.query.consistency.AppliedPositions;
import commonplace.testing.IsolatedInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What forged {@code consistentWith} positions can cost: with four request threads, many more requests wait at once
 * and a normal read still answers; beyond the cap, too far ahead and for another topic than the path's, a request
 * answers at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=query-service-tests-secret-long-enough-for-hs256",
        "commonplace.kafka.group=consistency-limits-tests",
        "commonplace.kafka.partitions=1",
        "commonplace.query.consistency-timeout=120s",
        "commonplace.query.consistency-max-waiters=" + ConsistencyLimitsTest.MAX_WAITERS,
        "commonplace.query.consistency-max-ahead=1000",
        "server.tomcat.threads.max=" + ConsistencyLimitsTest.REQUEST_THREADS,
        "server.tomcat.threads.min-spare=1"})
@DirtiesContext
class ConsistencyLimitsTest {

    static final int REQUEST_THREADS = 4;
    static final int MAX_WAITERS = 150;
    private static final IsolatedInfrastructure INFRASTRUCTURE =
            IsolatedInfrastructure.forTestClass(ConsistencyLimitsTest.class);
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRASTRUCTURE.registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    AppliedPositions positions;

    @Test
    void manyMoreWaitersThanRequestThreadsLeaveNormalReadsAnsweringAndTheCapAnswersStaleAtOnce() throws Exception {
        TestTopic topic = TestTopic.named("waiters");
        topic.open("Waiters", "ada", "Ada");
        publish(topic.envelopes());
        await().atMost(DEADLINE).until(() -> read("/api/v1/topics/" + topic.topicId).statusCode() == 200);
        String timeline = "/api/v1/topics/" + topic.topicId + "/timeline?consistentWith=";

        // forged positions that cost nothing: another topic's (400), far beyond what the topic has applied (stale now)
        HttpResponse<String> otherTopic = read(timeline + new ConsistencyPosition("another-topic", 2).encode());
        assertThat(otherTopic.statusCode()).isEqualTo(400);
        assertThat(otherTopic.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<String> farAhead = read(timeline + new ConsistencyPosition(topic.topicId, 1_000_000_000L).encode());
        assertThat(farAhead.statusCode()).isEqualTo(200);
        assertThat(farAhead.headers().firstValue("X-Commonplace-Stale")).hasValue("true");
        assertThat(positions.waiting()).isZero();

        String waitForTheNextEvent = timeline + new ConsistencyPosition(topic.topicId, 2).encode();
        List<CompletableFuture<HttpResponse<String>>> waiters = new ArrayList<>();
        for (int i = 0; i < MAX_WAITERS; i++) {
            waiters.add(http.sendAsync(request(waitForTheNextEvent), HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(DEADLINE).until(() -> positions.waiting() == MAX_WAITERS);
        assertThat(MAX_WAITERS).isGreaterThan(10 * REQUEST_THREADS);

        // every waiter is held, yet a normal read is answered, and one more waiter is answered stale at once
        HttpResponse<String> normal = read("/api/v1/topics/" + topic.topicId);
        assertThat(normal.statusCode()).isEqualTo(200);
        HttpResponse<String> beyondTheCap = read(waitForTheNextEvent);
        assertThat(beyondTheCap.statusCode()).isEqualTo(200);
        assertThat(beyondTheCap.headers().firstValue("X-Commonplace-Stale")).hasValue("true");
        assertThat(waiters).noneMatch(CompletableFuture::isDone);
        assertThat(positions.waiting()).isEqualTo(MAX_WAITERS);

        // the awaited event arrives: every waiter answers fresh, with the event in its page
        publish(List.of(topic.comment("w-1", "the awaited comment", "ada", "Ada")));
        for (CompletableFuture<HttpResponse<String>> waiter : waiters) {
            HttpResponse<String> answer = waiter.get(DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("X-Commonplace-Stale")).isEmpty();
            JsonNode items = EventJson.mapper().readTree(answer.body()).get("items");
            assertThat(items).hasSize(2);
        }
        await().atMost(DEADLINE).until(() -> positions.waiting() == 0);
    }

    private HttpResponse<String> read(String path) throws Exception {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(150))
                .GET().build();
    }

    private static void publish(List<EventEnvelope> envelopes) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRASTRUCTURE.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (EventEnvelope envelope : envelopes) {
                producer.send(new ProducerRecord<>(INFRASTRUCTURE.kafkaTopic(), envelope.topicId(),
                        envelope.toJsonBytes())).get();
            }
        }
    }
}
