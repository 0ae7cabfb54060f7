package commonplace.command.topic.web;

import commonplace.command.support.Tokens;
import commonplace.command.topic.model.Topic;
import commonplace.events.ConsistencyPosition;
import commonplace.events.LinkShared;
import commonplace.command.privacy.CachedDataKeys;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.http.Http;
import commonplace.testing.http.Http.Response;
import commonplace.testing.kafka.FeedLog;
import commonplace.testing.kafka.FeedLog.Received;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What one request may cost, with the default settings, through the real HTTP API: at most 20 links recorded per body
 * and replies nested 1,000 deep (a deeper one is a 422 {@code reply-too-deep}); a snapshot of the shape from before
 * comments knew their depth is ignored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET,
        "commonplace.rate-limit.per-minute=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundedWritesTest {

    private static final IsolatedInfrastructure INFRA = IsolatedInfrastructure.forTestClass(BoundedWritesTest.class);

    private final String ada = Tokens.author("ada", "Ada Lovelace");
    private final String bo = Tokens.author("bo", "Bø Ångström");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    CachedDataKeys dataKeys;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("topicCache")
    Cache topicCache;

    private Http http;
    private FeedLog feed;

    @BeforeAll
    void connect() {
        http = new Http(port);
        feed = new FeedLog(INFRA.kafkaBootstrapServers(), INFRA.kafkaTopic(), dataKeys);
    }

    @AfterAll
    void disconnect() {
        feed.close();
    }

    @Test
    void aBodyWith25LinksRecordsTheFirst20AndKeepsEveryAddressInItsText() {
        open("many-links");
        String body = "Kilder: " + String.join(" og ", IntStream.rangeClosed(1, 25)
                .mapToObj(i -> "https://example.com/kilde/" + i).toList()) + ".";
        Response posted = http.post("/api/v1/topics/many-links/comments", ada, Map.of("body", body));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(sequenceOf(posted)).as("TopicOpened, CommentPosted and 20 LinkShared").isEqualTo(22);

        await().atMost(Duration.ofSeconds(60)).until(() -> feed.forTopic("many-links").size() >= 22);
        List<Received> received = feed.forTopic("many-links");
        assertThat(received).hasSize(22);
        assertThat(received.subList(2, 22)).extracting(r -> ((LinkShared) r.envelope().event()).url())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 20)
                        .mapToObj(i -> "https://example.com/kilde/" + i).toList());
        assertThat(received.get(1).envelope().payload().get("body").asText()).isEqualTo(body);
    }

    @Test
    void aReplyChain1000DeepIsAcceptedAndTheNextReplyIs422() {
        open("deep");
        String parent = http.post("/api/v1/topics/deep/comments", ada, Map.of("body", "Roten")).text("commentId");
        for (int depth = 1; depth <= 1_000; depth++) {
            Response reply = http.post("/api/v1/comments/" + parent + "/replies", depth % 2 == 0 ? ada : bo,
                    Map.of("body", "Svar på nivå " + depth));
            assertThat(reply.status()).as("depth %d: %s", depth, reply).isEqualTo(201);
            parent = reply.text("commentId");
        }

        Response tooDeep = http.post("/api/v1/comments/" + parent + "/replies", ada, Map.of("body", "Nivå 1001"));
        assertThat(tooDeep.status()).as(tooDeep.toString()).isEqualTo(422);
        assertThat(tooDeep.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooDeep.text("type")).isEqualTo("urn:commonplace:problem:reply-too-deep");
        assertThat(tooDeep.json().get("maxReplyDepth").asInt()).isEqualTo(1_000);
        assertThat(tooDeep.text("detail")).contains("1000 replies deep");

        topicCache.removeAll();
        Response afterReload = http.post("/api/v1/comments/" + parent + "/replies", bo, Map.of("body", "Igjen"));
        assertThat(afterReload.status()).as("the depth survives the snapshot and the cache").isEqualTo(422);
        assertThat(storedEventCount("deep")).isEqualTo(1 + 1 + 1_000);
    }

    /** Were it read, this snapshot would say the topic is locked and holds no comment. */
    @Test
    void aSnapshotOfTheShapeBeforeCommentsKnewTheirDepthIsIgnored() {
        open("old-snapshot");
        String comment = http.post("/api/v1/topics/old-snapshot/comments", ada, Map.of("body", "Før"))
                .text("commentId");
        jdbc.update("insert into snapshotevententry (aggregateidentifier, sequencenumber, type, eventidentifier,"
                        + " metadata, payload, payloadrevision, payloadtype, timestamp)"
                        + " values ('old-snapshot', 1, 'Topic', ?, convert_to('{}', 'UTF8'), convert_to(?, 'UTF8'),"
                        + " '2', ?, '2025-01-01T00:00:00Z')",
                UUID.randomUUID().toString(), "{\"topicId\":\"old-snapshot\",\"title\":\"Old\",\"locked\":true,"
                        + "\"comments\":{},\"recentPosts\":{\"posts\":{}}}", Topic.class.getName());
        topicCache.removeAll();

        Response reply = http.post("/api/v1/comments/" + comment + "/replies", bo, Map.of("body", "Etter"));
        assertThat(reply.status()).as("loaded from its events: not locked, and the comment is there: %s", reply)
                .isEqualTo(201);
        assertThat(sequenceOf(reply)).isEqualTo(3);
    }

    private void open(String topicId) {
        Response opened = http.put("/api/v1/topics/" + topicId, ada, Map.of("title", "Grenser: " + topicId));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    }

    private static long sequenceOf(Response response) {
        return ConsistencyPosition.decode(response.text("position")).orElseThrow().sequence();
    }

    private int storedEventCount(String topicId) {
        return jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?",
                Integer.class, topicId);
    }
}
