package commonplace.command.writepath;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.command.support.Http;
import commonplace.command.support.Http.Response;
import commonplace.command.support.TopicLog;
import commonplace.command.support.TopicLog.Received;
import commonplace.command.support.Tokens;
import commonplace.command.topic.Topic;
import commonplace.events.CommentEdited;
import commonplace.events.CommentPosted;
import commonplace.events.CommentRetracted;
import commonplace.events.ConsistencyPosition;
import commonplace.events.EventEnvelope;
import commonplace.events.LinkOrigin;
import commonplace.events.LinkShared;
import commonplace.events.ReplyPosted;
import commonplace.events.TopicOpened;
import commonplace.testing.IsolatedInfrastructure;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The write path end to end on a real PostgreSQL and a real Kafka broker: HTTP in, events in the store, envelopes on
 * the topic; idempotent retries, a broker outage and a topic loaded from its snapshot.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET,
        "commonplace.rate-limit.per-minute=0",
        "commonplace.topics.snapshot-threshold=20"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WritePathTest {

    private static final IsolatedInfrastructure INFRA = IsolatedInfrastructure.forTestClass(WritePathTest.class);
    private static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(60);

    private final String ada = Tokens.author("ada", "Ada Lovelace");
    private final String bo = Tokens.author("bo", "Bø Ångström");
    private final String kari = Tokens.author("kari", "Kari Nordmann");
    private final String maja = Tokens.moderator("maja", "Moderator Maja");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    @Qualifier("topicCache")
    Cache topicCache;

    private Http http;
    private TopicLog log;

    @BeforeAll
    void connect() {
        http = new Http(port);
        log = new TopicLog(INFRA.kafkaBootstrapServers(), INFRA.kafkaTopic());
    }

    @AfterAll
    void disconnect() {
        log.close();
    }

    @Test
    void aScriptedDiscussionReachesTheTopicAsExactlyTheExpectedEventsInOrderEachOnce() {
        String topic = "episode-90";
        Response opened = http.put(topics(topic), ada,
                Map.of("title", "Episode 90: «Fjellet»", "url", "https://Podcast.example.no:443/ep/90#start"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.header("Location")).endsWith("/api/v1/topics/episode-90");
        assertThat(sequenceOf(opened)).isEqualTo(1);
        Response again = http.put(topics(topic), bo,
                Map.of("title", "Episode 90: «Fjellet»", "url", "https://podcast.example.no/ep/90"));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);

        String rootBody = "Flott episode! Se https://Example.com/fjell. Og https://example.com/fjell#igjen, 🎉\n";
        Response root = http.post(topics(topic) + "/comments", ada, Map.of("body", rootBody));
        assertThat(root.status()).as(root.toString()).isEqualTo(201);
        String rootId = root.text("commentId");
        assertThat(rootId).matches("[A-Za-z0-9_-]{22}");
        assertThat(root.header("Location")).endsWith("/api/v1/comments/" + rootId);
        assertThat(root.json().get("revision").asInt()).isEqualTo(1);
        assertThat(root.text("topicId")).isEqualTo(topic);
        assertThat(sequenceOf(root)).as("CommentPosted + one LinkShared").isEqualTo(3);

        String replyId = created(http.post("/api/v1/comments/" + rootId + "/replies", bo, Map.of("body", "Enig!")));
        String deepBody = "Tredje nivå.\r\n\tSe (https://nrk.no/p3).";
        Response deep = http.post("/api/v1/comments/" + replyId + "/replies", kari, Map.of("body", deepBody));
        String deepId = created(deep);
        assertThat(sequenceOf(deep)).isEqualTo(6);

        Response edited = http.call("PUT", "/api/v1/comments/" + rootId).token(ada).header("If-Match", "\"1\"")
                .json(Map.of("body", "Rettet: https://example.com/fjell og https://example.com/fjell-2")).send();
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.header("ETag")).isEqualTo("\"2\"");
        assertThat(edited.json().get("revision").asInt()).isEqualTo(2);
        assertThat(sequenceOf(edited)).as("CommentEdited + LinkShared for the new URL only").isEqualTo(8);

        Response retracted = http.delete("/api/v1/comments/" + replyId, bo);
        assertThat(retracted.status()).as(retracted.toString()).isEqualTo(204);
        assertThat(http.delete("/api/v1/comments/" + replyId, bo).status()).isEqualTo(204);
        assertThat(http.post("/api/v1/comments/" + replyId + "/replies", kari, Map.of("body", "Hallo?")).status())
                .isEqualTo(409);

        Response share = http.post(topics(topic) + "/links", kari,
                Map.of("url", "https://NRK.no/p3#lytt", "note", "Se også", "parentId", deepId));
        assertThat(share.status()).as(share.toString()).isEqualTo(201);
        String shareId = share.text("shareId");
        assertThat(share.json().get("revision").asInt()).isEqualTo(1);
        assertThat(sequenceOf(share)).isEqualTo(10);

        Response doublePost = http.post(topics(topic) + "/comments", kari, Map.of("body", " " + deepBody + "\n"));
        assertThat(doublePost.status()).as(doublePost.toString()).isEqualTo(409);
        assertThat(doublePost.text("type")).isEqualTo("urn:commonplace:problem:duplicate-post");
        assertThat(doublePost.text("originalCommentId")).isEqualTo(deepId);

        Response first = http.call("POST", topics(topic) + "/comments").token(kari)
                .header("Idempotency-Key", "kari-1").json(Map.of("body", "Takk for praten")).send();
        Response retry = http.call("POST", topics(topic) + "/comments").token(kari)
                .header("Idempotency-Key", "kari-1").json(Map.of("body", "Takk for praten")).send();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));

        List<String> expectedTypes = List.of("TopicOpened", "CommentPosted", "LinkShared", "ReplyPosted",
                "ReplyPosted", "LinkShared", "CommentEdited", "LinkShared", "CommentRetracted", "LinkShared",
                "CommentPosted");
        List<Received> received = awaitPublished(topic, expectedTypes.size());
        assertThat(received).extracting(r -> r.envelope().type()).containsExactlyElementsOf(expectedTypes);
        assertContiguousAndOnce(received);
        assertThat(storedEventCount(topic)).isEqualTo(expectedTypes.size());
        assertThat(received).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(topic);
            assertThat(r.typeHeader()).isEqualTo(r.envelope().type());
            assertThat(r.schemaVersionHeader()).isEqualTo(String.valueOf(r.envelope().schemaVersion()));
        });

        List<Object> events = received.stream().map(r -> (Object) r.envelope().event()).toList();
        assertThat(events.get(0)).isEqualTo(new TopicOpened(topic, "Episode 90: «Fjellet»",
                "https://Podcast.example.no:443/ep/90#start", "https://podcast.example.no/ep/90", null, "ada",
                "Ada Lovelace"));
        assertThat(events.get(1)).isInstanceOfSatisfying(CommentPosted.class, posted -> {
            assertThat(posted.body()).isEqualTo(rootBody);
            assertThat(posted.commentId()).isEqualTo(rootId);
            assertThat(posted.authorName()).isEqualTo("Ada Lovelace");
        });
        assertThat(events.get(2)).isInstanceOfSatisfying(LinkShared.class, link -> {
            assertThat(link.url()).isEqualTo("https://Example.com/fjell");
            assertThat(link.normalizedUrl()).isEqualTo("https://example.com/fjell");
            assertThat(link.origin()).isEqualTo(LinkOrigin.BODY);
            assertThat(link.commentId()).isEqualTo(rootId);
        });
        assertThat(events.get(4)).isEqualTo(new ReplyPosted(topic, deepId, replyId, deepBody, "kari", "Kari Nordmann"));
        assertThat(events.get(6)).isInstanceOfSatisfying(CommentEdited.class,
                edit -> assertThat(edit.revision()).isEqualTo(2));
        assertThat(events.get(7)).isInstanceOfSatisfying(LinkShared.class,
                link -> assertThat(link.normalizedUrl()).isEqualTo("https://example.com/fjell-2"));
        assertThat(events.get(8)).isEqualTo(new CommentRetracted(topic, replyId, null, false, "bo", "Bø Ångström"));
        assertThat(events.get(9)).isEqualTo(new LinkShared(topic, shareId, deepId, LinkOrigin.SHARE,
                "https://NRK.no/p3#lytt", "https://nrk.no/p3", "nrk.no", "Se også", "kari", "Kari Nordmann"));
        assertThat(received.get(10).envelope().eventId()).isNotBlank();
        assertThat(first.text("commentId")).isEqualTo(((CommentPosted) events.get(10)).commentId());
    }

    private String topics(String topicId) {
        return "/api/v1/topics/" + topicId;
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("commentId");
    }

    private static long sequenceOf(Response response) {
        String position = response.text("position");
        return ConsistencyPosition.decode(position).orElseThrow().sequence();
    }

    private List<Received> awaitPublished(String topicId, int count) {
        await().atMost(PUBLISHED_WITHIN).until(() -> log.forTopic(topicId).size() >= count);
        return log.forTopic(topicId);
    }

    private static void assertContiguousAndOnce(List<Received> received) {
        assertThat(received).extracting(r -> r.envelope().sequence())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, received.size()).boxed().toList());
        assertThat(received).extracting(r -> r.envelope().eventId()).doesNotHaveDuplicates();
    }

    private int storedEventCount(String topicId) {
        return jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?",
                Integer.class, topicId);
    }
}
