package commonplace.command.writepath;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.command.support.Tokens;
import commonplace.command.topic.model.Topic;
import commonplace.events.CommentEdited;
import commonplace.events.CommentPosted;
import commonplace.events.CommentRetracted;
import commonplace.events.ConsistencyPosition;
import commonplace.events.EventEnvelope;
import commonplace.events.EventTypes;
import commonplace.events.LinkOrigin;
import commonplace.events.LinkShared;
import commonplace.events.ReplyPosted;
import commonplace.events.TopicOpened;
import commonplace.command.privacy.CachedDataKeys;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.http.Http;
import commonplace.testing.http.Http.Response;
import commonplace.testing.kafka.FeedLog;
import commonplace.testing.kafka.FeedLog.Received;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
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
 * the feed's Kafka topic; idempotent retries, a broker outage and a topic loaded from its snapshot.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET,
        "commonplace.rate-limit.per-minute=0",
        "commonplace.topics.snapshot-threshold=20",
        "commonplace.kafka.delivery-timeout=4s",
        "commonplace.kafka.max-block=2s"})
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
    CachedDataKeys dataKeys;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
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

    @Test
    void anIdempotentRetryAnswersTheFirstAnswerAndRecordsNothingEvenWhenItArrivesConcurrently() throws Exception {
        String topic = "idempotency";
        assertThat(http.put(topics(topic), ada, Map.of("title", "Retries")).status()).isEqualTo(201);

        Response beforeTopicExists = http.call("POST", topics("not-yet") + "/comments").token(bo)
                .header("Idempotency-Key", "bo-early").json(Map.of("body", "Early")).send();
        assertThat(beforeTopicExists.status()).as("a failed command keeps no record").isEqualTo(404);
        assertThat(http.put(topics("not-yet"), bo, Map.of("title", "Later")).status()).isEqualTo(201);
        Response afterTopicExists = http.call("POST", topics("not-yet") + "/comments").token(bo)
                .header("Idempotency-Key", "bo-early").json(Map.of("body", "Early")).send();
        assertThat(afterTopicExists.status()).as(afterTopicExists.toString()).isEqualTo(201);

        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<Response> retry = () -> {
                    start.await();
                    return http.call("POST", topics(topic) + "/comments").token(bo)
                            .header("Idempotency-Key", "bo-1").json(Map.of("body", "Once, please")).send();
                };
                answers.add(pool.submit(retry));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get());
            }
            assertThat(responses).extracting(Response::status).containsOnly(201);
            assertThat(responses).extracting(Response::body).containsOnly(responses.get(0).body());
        } finally {
            pool.shutdownNow();
        }

        Response otherBody = http.call("POST", topics(topic) + "/comments").token(bo)
                .header("Idempotency-Key", "bo-1").json(Map.of("body", "Something else")).send();
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.text("type")).isEqualTo("urn:commonplace:problem:idempotency-key-reused");
        Response otherAuthorSameKey = http.call("POST", topics(topic) + "/comments").token(kari)
                .header("Idempotency-Key", "bo-1").json(Map.of("body", "Once, please")).send();
        assertThat(otherAuthorSameKey.status()).as("keys are per author").isEqualTo(201);

        jdbc.update("update idempotency_record set created_at = now() - interval '25 hours'"
                + " where author_id = 'bo' and idempotency_key = 'bo-1'");
        Response afterADay = http.call("POST", topics(topic) + "/comments").token(bo)
                .header("Idempotency-Key", "bo-1").json(Map.of("body", "Once, please")).send();
        assertThat(afterADay.text("type")).as("after 24 h the key is new again: handled, and refused as a double post")
                .isEqualTo("urn:commonplace:problem:duplicate-post");

        List<Received> received = awaitPublished(topic, 3);
        assertThat(received).extracting(r -> r.envelope().type())
                .containsExactly("TopicOpened", "CommentPosted", "CommentPosted");
        assertThat(storedEventCount(topic)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from idempotency_record where author_id = 'bo'"
                + " and idempotency_key = 'bo-1' and answer is not null", Integer.class))
                .as("kept in PostgreSQL, so a restart still knows the answer").isEqualTo(1);
    }

    @Test
    void anAnswerStoredUnderItsFormerClassNameIsStillReplayed() {
        String topic = "idempotency-renamed";
        assertThat(http.put(topics(topic), ada, Map.of("title", "Renamed")).status()).isEqualTo(201);
        Response first = http.call("POST", topics(topic) + "/comments").token(ada)
                .header("Idempotency-Key", "ada-renamed").json(Map.of("body", "Lagret før flyttingen")).send();
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select answer_type from idempotency_record where author_id = 'ada'"
                + " and idempotency_key = 'ada-renamed'", String.class)).isEqualTo("CommentResult");

        jdbc.update("update idempotency_record set answer_type = 'commonplace.command.topic.Results$CommentResult'"
                + " where author_id = 'ada' and idempotency_key = 'ada-renamed'");
        Response retry = http.call("POST", topics(topic) + "/comments").token(ada)
                .header("Idempotency-Key", "ada-renamed").json(Map.of("body", "Lagret før flyttingen")).send();
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(storedEventCount(topic)).isEqualTo(2);
    }

    @Test
    void writesSucceedWhileKafkaIsDownAndEveryEventArrivesOnceItIsBack() {
        String topic = "outage";
        assertThat(http.put(topics(topic), ada, Map.of("title", "Outage")).status()).isEqualTo(201);
        awaitPublished(topic, 1);

        INFRA.kafka().stop();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 1; i <= 5; i++) {
                ids.add(created(http.post(topics(topic) + "/comments", ada,
                        Map.of("body", "Skrevet under brudd nr. " + i + " https://example.com/" + i))));
            }
            Response edited = http.call("PUT", "/api/v1/comments/" + ids.get(0)).token(ada)
                    .header("If-Match", "\"1\"").json(Map.of("body", "Rettet under bruddet")).send();
            assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
            Response health = http.call("GET", "/actuator/health").send();
            assertThat(health.status()).as(health.toString()).isEqualTo(200);
            assertThat(health.text("status")).isEqualTo("UP");
            await("the publisher gives up on the batch and keeps its token").atMost(PUBLISHED_WITHIN)
                    .until(this::publisherFailed);
            assertThat(feed.forTopic(topic)).hasSize(1);
        } finally {
            INFRA.kafka().start();
        }

        List<Received> received = awaitPublished(topic, 12);
        assertThat(received).hasSize(12);
        assertContiguousAndOnce(received);
        assertThat(received.get(11).envelope().type()).isEqualTo("CommentEdited");
        assertThat(received).extracting(r -> r.envelope().type())
                .filteredOn("CommentPosted"::equals).hasSize(5);
    }

    @Test
    void aLongTopicIsSnapshottedAndLoadsFromItsSnapshot() {
        String topic = "long-topic";
        assertThat(http.put(topics(topic), ada, Map.of("title", "Long")).status()).isEqualTo(201);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            ids.add(created(http.post(topics(topic) + "/comments", i % 2 == 0 ? ada : bo,
                    Map.of("body", "Kommentar nummer " + i))));
        }
        // the snapshotter runs on its own thread after the triggering commit
        await("the topic's snapshot").atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from snapshotevententry where aggregateidentifier = ?", Integer.class, topic) == 1);

        topicCache.removeAll();
        DomainEventMessage<?> first = eventStore.readEvents(topic).next();
        assertThat(first.getPayload()).as("the snapshot, read back through Jackson").isInstanceOf(Topic.class);
        assertThat(first.getSequenceNumber()).isGreaterThanOrEqualTo(19);

        topicCache.removeAll();
        Response edit = http.call("PUT", "/api/v1/comments/" + ids.get(1)).token(ada).header("If-Match", "\"1\"")
                .json(Map.of("body", "Endret fra øyeblikksbildet")).send();
        assertThat(edit.status()).as(edit.toString()).isEqualTo(200);
        topicCache.removeAll();
        assertThat(http.call("PUT", "/api/v1/comments/" + ids.get(2)).token(ada).header("If-Match", "\"1\"")
                .json(Map.of("body", "Ikke min")).send().status()).as("authors survive the snapshot").isEqualTo(403);
        topicCache.removeAll();
        Response duplicate = http.post(topics(topic) + "/comments", bo, Map.of("body", "Kommentar nummer 25"));
        assertThat(duplicate.status()).as("the double-post window survives the snapshot").isEqualTo(409);
        assertThat(duplicate.text("originalCommentId")).isEqualTo(ids.get(24));
        topicCache.removeAll();
        Response reply = http.post("/api/v1/comments/" + ids.get(0) + "/replies", ada, Map.of("body", "Svar"));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(sequenceOf(reply)).isEqualTo(28);
    }

    @Test
    void eventsStoredInAnOlderSchemaVersionAreUpcastWhenReadAndNeverRewritten() {
        String topic = "legacy";
        String v1Comment = "{\"topicId\":\"legacy\",\"commentId\":\"old-comment\","
                + "\"body\":\"Takk for en veldig god episode\",\"authorId\":\"ada\",\"authorName\":\"Ada\"}";
        storeRaw(topic, 0, TopicOpened.class, "1",
                "{\"topicId\":\"legacy\",\"title\":\"Old\",\"authorId\":\"ada\",\"authorName\":\"Ada\"}");
        storeRaw(topic, 1, CommentPosted.class, "1", v1Comment);
        jdbc.update("insert into comment_directory (comment_id, topic_id) values ('old-comment', 'legacy')");

        List<Object> payloads = new ArrayList<>();
        eventStore.readEvents(topic).forEachRemaining(event -> payloads.add(event.getPayload()));
        assertThat(payloads.get(1)).isEqualTo(new CommentPosted(topic, "old-comment",
                "Takk for en veldig god episode", "no", "ada", "Ada"));

        Response reply = http.post("/api/v1/comments/old-comment/replies", bo, Map.of("body", "Svar på gammel"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(sequenceOf(reply)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select convert_from(payload, 'UTF8') from domainevententry"
                + " where aggregateidentifier = 'legacy' and sequencenumber = 1", String.class))
                .as("the stored row is never rewritten").doesNotContain("language");

        List<Received> received = awaitPublished(topic, 3);
        EventEnvelope published = received.get(1).envelope();
        assertThat(published.schemaVersion()).isEqualTo(EventTypes.of(CommentPosted.class).schemaVersion());
        assertThat(published.payload().get("language").asText()).isEqualTo("no");
        assertContiguousAndOnce(received);
    }

    private void storeRaw(String topicId, long sequenceNumber, Class<?> type, String revision, String json) {
        jdbc.update("insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,"
                        + " metadata, payload, payloadrevision, payloadtype, timestamp)"
                        + " values (?, ?, 'Topic', ?, convert_to('{}', 'UTF8'), convert_to(?, 'UTF8'), ?, ?, ?)",
                topicId, sequenceNumber, java.util.UUID.randomUUID().toString(), json, revision, type.getName(),
                "2025-01-01T00:00:00Z");
    }

    private boolean publisherFailed() {
        return processing.eventProcessor("kafka-publisher", TrackingEventProcessor.class).orElseThrow()
                .processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
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
        await().atMost(PUBLISHED_WITHIN).until(() -> feed.forTopic(topicId).size() >= count);
        return feed.forTopic(topicId);
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
