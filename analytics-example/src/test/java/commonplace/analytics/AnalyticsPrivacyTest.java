package commonplace.analytics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import commonplace.events.AuthorErased;
import commonplace.events.CommentPosted;
import commonplace.events.DiscussionEvent;
import commonplace.events.EventEnvelope;
import commonplace.events.EventJson;
import commonplace.events.LinkOrigin;
import commonplace.events.LinkShared;
import commonplace.events.ReplyPosted;
import commonplace.events.TopicOpened;
import commonplace.events.privacy.DataKey;
import commonplace.testing.IsolatedInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example decrypts sealed events with keys from a key endpoint (a real HTTP server with the documented contract),
 * waits while it is down instead of counting placeholders, and on an AuthorErased forgets the author's keys and drops
 * their share of every count.
 */
class AnalyticsPrivacyTest {

    private static final IsolatedInfrastructure INFRA = IsolatedInfrastructure.forTestClass(AnalyticsPrivacyTest.class);
    private static final String TOKEN = "a-service-token-for-the-test";
    private static final Map<String, DataKey> KEYS = new ConcurrentHashMap<>();
    private static final Set<String> ERASED = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean DOWN = new AtomicBoolean();
    private static final AtomicInteger REFUSED_WHILE_DOWN = new AtomicInteger();
    private static HttpServer keyServer;

    @TempDir
    Path state;

    @BeforeAll
    static void start() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", INFRA.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(INFRA.kafkaTopic(), 2, (short) 1))).all().get();
        }
        keyServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        keyServer.createContext("/api/v1/keys/lookup", AnalyticsPrivacyTest::lookup);
        keyServer.start();
    }

    @AfterAll
    static void stop() {
        keyServer.stop(0);
    }

    @Test
    void sealedCountsAreReadWithKeysAndAnErasedAuthorsShareIsDropped() throws Exception {
        DataKey hedda = DataKey.generate("hedda");
        DataKey bo = DataKey.generate("bo");
        KEYS.put(hedda.keyId(), hedda);
        KEYS.put(bo.keyId(), bo);
        Map<String, DataKey> byAuthor = Map.of("hedda", hedda, "bo", bo);
        String topic = "episode-" + UUID.randomUUID().toString().substring(0, 8);
        List<DiscussionEvent> events = List.of(
                new TopicOpened(topic, "Episode", null, null, null, "site", "Site"),
                new CommentPosted(topic, "c1", "Se https://hedda-privat.example/a", "hedda", "Hedda"),
                new LinkShared(topic, "l1", "c1", LinkOrigin.BODY, "https://hedda-privat.example/a",
                        "https://hedda-privat.example/a", "hedda-privat.example", null, "hedda", "Hedda"),
                new ReplyPosted(topic, "c2", "c1", "Enig", "bo", "Bø"),
                new LinkShared(topic, "l2", "c2", LinkOrigin.SHARE, "https://nrk.no/x", "https://nrk.no/x", "nrk.no",
                        "notat", "bo", "Bø"));
        DOWN.set(true);
        publish(events, 1, byAuthor);

        AnalyticsConsumer.Settings settings = new AnalyticsConsumer.Settings(INFRA.kafkaBootstrapServers(),
                INFRA.kafkaTopic(), "analytics-privacy", state.resolve("summary.json"), Duration.ofSeconds(5),
                "http://127.0.0.1:" + keyServer.getAddress().getPort(), TOKEN, null);
        try (AnalyticsConsumer analytics = new AnalyticsConsumer(settings)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                analytics.pollOnce(Duration.ofMillis(200));
                return REFUSED_WHILE_DOWN.get() >= 2;
            });
            // the endpoint is down: nothing was counted, no placeholder either
            assertThat(analytics.summary().commentsIn(topic)).isZero();
            assertThat(analytics.summary().mostSharedDomains(10)).isEmpty();

            DOWN.set(false);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                analytics.pollOnce(Duration.ofMillis(200));
                return analytics.summary().commentsIn(topic) == 2;
            });
            assertThat(analytics.summary().mostSharedDomains(10)).containsExactly(
                    new DiscussionSummary.Ranked("hedda-privat.example", 1), new DiscussionSummary.Ranked("nrk.no", 1));

            KEYS.remove(hedda.keyId());
            ERASED.add(hedda.keyId());
            publish(List.of(new AuthorErased(topic, "hedda", List.of(hedda.keyId()), "er_0r2XWb1mQe6qvJkT8sYc3A", 1,
                    "hedda")), events.size() + 1, Map.of());
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                analytics.pollOnce(Duration.ofMillis(200));
                return analytics.summary().commentsIn(topic) == 1;
            });
            DiscussionSummary summary = analytics.summary();
            assertThat(summary.mostSharedDomains(10)).containsExactly(new DiscussionSummary.Ranked("nrk.no", 1));
            assertThat(summary.mostActiveAuthors(10)).extracting(DiscussionSummary.Ranked::name)
                    .doesNotContain("hedda").contains("bo", "site");
        }
        String saved = Files.readString(state.resolve("summary.json"));
        assertThat(saved).doesNotContain("hedda-privat.example").doesNotContain("\"hedda\"");
    }

    private static void lookup(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (DOWN.get()) {
                REFUSED_WHILE_DOWN.incrementAndGet();
                answer(exchange, 503, "{}");
                return;
            }
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "{}");
                return;
            }
            var request = EventJson.mapper().readTree(exchange.getRequestBody());
            var body = EventJson.mapper().createObjectNode();
            var keys = body.putArray("keys");
            var erased = body.putArray("erased");
            var unknown = body.putArray("unknown");
            for (var id : request.path("keyIds")) {
                DataKey key = KEYS.get(id.asText());
                if (key != null) {
                    keys.addObject().put("keyId", key.keyId()).put("authorId", key.authorId())
                            .put("algorithm", "AES-256-GCM").put("key", key.materialBase64());
                } else if (ERASED.contains(id.asText())) {
                    erased.addObject().put("keyId", id.asText()).put("erasedAt", Instant.now().toString());
                } else {
                    unknown.add(id.asText());
                }
            }
            answer(exchange, 200, body.toString());
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void publish(List<DiscussionEvent> events, long firstSequence, Map<String, DataKey> keys) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                INFRA.kafkaBootstrapServers(), "acks", "all"), new StringSerializer(), new ByteArraySerializer())) {
            long sequence = firstSequence;
            for (DiscussionEvent event : events) {
                DataKey key = keys.get(event.authorId());
                EventEnvelope envelope = key == null
                        ? EventEnvelope.wrap(UUID.randomUUID().toString(), sequence++, Instant.now(), event)
                        : EventEnvelope.wrapSealed(UUID.randomUUID().toString(), sequence++, Instant.now(), event, key);
                producer.send(new ProducerRecord<>(INFRA.kafkaTopic(), event.topicId(), envelope.toJsonBytes()));
            }
            producer.flush();
        }
    }
}
