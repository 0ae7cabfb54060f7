package commonplace.command.privacy;

import commonplace.testing.kafka.FeedLog;
import commonplace.testing.kafka.FeedLog.Received;
import commonplace.testing.http.Http;
import commonplace.testing.http.Http.Response;
import commonplace.command.support.PlaintextScan;
import commonplace.command.support.Tokens;
import commonplace.events.AuthorErased;
import commonplace.events.EventEnvelope;
import commonplace.events.ReplyPosted;
import commonplace.events.privacy.DecryptedEvent;
import commonplace.events.privacy.ErasurePosition;
import commonplace.events.privacy.WithheldReason;
import commonplace.testing.IsolatedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasure on a real PostgreSQL and Kafka: two authors discuss in two topics (comments, replies, an edit, links with a
 * note, a retraction with a reason, an Idempotency-Key); one is erased. Afterwards nothing of theirs is readable in any
 * table of the command schema or in any Kafka record, while the other's words still decrypt; an AuthorErased follows
 * their events in each topic they took part in; their comments stay placeholders. The refusals and hostile variants
 * (someone else, unknown, forged, huge, repeated, racing) answer as the contract says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET,
        "commonplace.rate-limit.per-minute=0",
        "commonplace.topics.snapshot-threshold=4"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErasureTest {

    private static final IsolatedInfrastructure INFRA = IsolatedInfrastructure.forTestClass(ErasureTest.class);
    private static final String MARK = UUID.randomUUID().toString().substring(0, 8);
    private static final String ADA_PHRASE = "Adas hemmelige setning " + MARK;
    private static final String ADA_EDIT = "Adas rettede setning " + MARK;
    private static final String ADA_NAME = "Ada Zyxwvut" + MARK;
    private static final String ADA_REASON = "Adas grunn " + MARK;
    private static final String ADA_NOTE = "Adas notat " + MARK;
    private static final String ADA_LINK = "ada-privat-" + MARK + ".example";
    private static final String BO_PHRASE = "Bos svar " + MARK;

    private final String site = Tokens.author("site", "The Site");
    private final String ada = Tokens.author("ada", ADA_NAME);
    private final String bo = Tokens.author("bo", "Bo Bakke");
    private final String admin = Tokens.admin("root", "Admin");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CachedDataKeys keys;
    @Autowired
    ErasureRecorder recorder;

    private Http http;
    private FeedLog plain;
    private FeedLog trusted;
    private String adaComment;
    private String boReply;
    private String adaReply;

    @BeforeAll
    void discuss() {
        http = new Http(port);
        plain = new FeedLog(INFRA.kafkaBootstrapServers(), INFRA.kafkaTopic());
        trusted = new FeedLog(INFRA.kafkaBootstrapServers(), INFRA.kafkaTopic(), keys);
        for (String topic : List.of("erasure-one", "erasure-two")) {
            assertThat(http.put("/api/v1/topics/" + topic, site, Map.of("title", "Topic " + topic)).status())
                    .isEqualTo(201);
        }
        adaComment = created(http.call("POST", "/api/v1/topics/erasure-one/comments").token(ada)
                .header("Idempotency-Key", "ada-1")
                .json(Map.of("body", ADA_PHRASE + " https://" + ADA_LINK + "/side")).send());
        boReply = created(http.post("/api/v1/comments/" + adaComment + "/replies", bo, Map.of("body", BO_PHRASE)));
        adaReply = created(http.post("/api/v1/comments/" + boReply + "/replies", ada, Map.of("body", ADA_PHRASE + "!")));
        Response edited = http.call("PUT", "/api/v1/comments/" + adaComment).token(ada).header("If-Match", "\"1\"")
                .json(Map.of("body", ADA_EDIT + " https://" + ADA_LINK + "/annen")).send();
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(http.post("/api/v1/topics/erasure-two/links", ada, Map.of("url", "https://" + ADA_LINK + "/delt",
                "note", ADA_NOTE)).status()).isEqualTo(201);
        String retracted = created(http.post("/api/v1/topics/erasure-two/comments", ada, Map.of("body", ADA_PHRASE)));
        assertThat(http.call("DELETE", "/api/v1/comments/" + retracted).token(ada).json(Map.of("reason", ADA_REASON))
                .send().status()).isEqualTo(204);
        created(http.post("/api/v1/topics/erasure-two/comments", bo, Map.of("body", BO_PHRASE + " to")));
        await().atMost(Duration.ofSeconds(60)).until(() -> trusted.poll().stream().map(r -> r.envelope().type())
                .toList(), received -> received.size() >= 12);
    }

    @AfterAll
    void close() {
        plain.close();
        trusted.close();
    }

    @Test
    @Order(1)
    void whatAnAuthorWritesIsStoredAndPublishedOnlySealed() {
        assertThat(PlaintextScan.database(jdbc, ADA_PHRASE, ADA_EDIT, ADA_NAME, ADA_REASON, ADA_NOTE, ADA_LINK,
                BO_PHRASE, "Bo Bakke")).isEmpty();
        assertThat(PlaintextScan.kafka(plain.poll(), ADA_PHRASE, ADA_EDIT, ADA_NAME, ADA_REASON, ADA_NOTE, ADA_LINK,
                BO_PHRASE, "Bo Bakke")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where payloadtype like '%CommentPosted'"
                + " and convert_from(payload, 'UTF8')::jsonb ? 'encrypted'", Integer.class)).isEqualTo(3);
        assertThat(texts(trusted.poll())).contains(ADA_PHRASE + " https://" + ADA_LINK + "/side", ADA_EDIT
                + " https://" + ADA_LINK + "/annen", BO_PHRASE, ADA_NOTE, ADA_REASON, ADA_NAME);
        assertThat(jdbc.queryForObject("select count(*) from snapshotevententry", Integer.class))
                .as("snapshots were taken, and hold no text either").isPositive();
    }

    @Test
    @Order(2)
    void theRefusalsComeFirstAndRecordNothing() {
        String path = "/api/v1/authors/ada/erasure";
        problem(http.call("POST", path).send(), 401, "unauthorized");
        problem(http.call("POST", path).token(bo).send(), 403, "forbidden");
        problem(http.call("POST", "/api/v1/authors/nobody-here/erasure").token(admin).send(), 404, "not-found");
        problem(http.call("POST", "/api/v1/authors/nobody-here/erasure").token(Tokens.author("nobody-here", "N"))
                .send(), 404, "not-found");
        problem(http.call("POST", "/api/v1/authors/ad%21a/erasure").token(admin).send(), 400, "validation-failed");
        problem(http.call("POST", "/api/v1/authors/" + "a".repeat(65) + "/erasure").token(admin).send(), 400,
                "validation-failed");
        assertThat(http.call("POST", "/api/v1/authors/" + "a".repeat(9_000) + "/erasure").token(admin).send()
                .status()).isIn(400, 414, 431);
        assertThat(http.call("GET", path).token(ada).send().status()).isEqualTo(405);
        assertThat(jdbc.queryForObject("select count(*) from erasure", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from data_key where erased_at is not null", Integer.class))
                .isZero();
    }

    @Test
    @Order(3)
    void anErasureDestroysTheKeysAnswersAtOnceAndTellsEveryTopicAfterTheAuthorsEvents() {
        int idempotencyOfOthers = jdbc.queryForObject("select count(*) from idempotency_record where author_id <> 'ada'",
                Integer.class);
        Response erased = http.call("POST", "/api/v1/authors/ada/erasure").token(ada).send();
        assertThat(erased.status()).as(erased.toString()).isEqualTo(202);
        ErasurePosition position = ErasurePosition.decode(erased.text("position")).orElseThrow();
        assertThat(position.erasureId()).isEqualTo(erased.text("erasureId"));
        assertThat(position.topicCount()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from data_key where author_id = 'ada' and erased_at is null",
                Integer.class)).as("destroyed before the answer").isZero();
        assertThat(jdbc.queryForObject("select count(*) from idempotency_record where author_id = 'ada'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from idempotency_record where author_id <> 'ada'",
                Integer.class)).isEqualTo(idempotencyOfOthers);

        awaitRecorded(position.erasureId());
        List<Received> records = awaitErasedOnKafka(2);
        for (String topic : List.of("erasure-one", "erasure-two")) {
            List<EventEnvelope> inTopic = records.stream().map(Received::envelope)
                    .filter(envelope -> envelope.topicId().equals(topic)).toList();
            EventEnvelope last = inTopic.get(inTopic.size() - 1);
            assertThat(last.type()).as("after every event of the author in " + topic).isEqualTo("AuthorErased");
            AuthorErased event = (AuthorErased) last.event();
            assertThat(event.erasedAuthorId()).isEqualTo("ada");
            assertThat(event.erasureId()).isEqualTo(position.erasureId());
            assertThat(event.topicCount()).isEqualTo(2);
            assertThat(event.erasedKeyIds()).hasSize(1);
        }
        // a snapshot taken since holds only digests under the destroyed key; none from before the erasure may stay
        assertThat(jdbc.queryForObject("""
                select count(*) from snapshotevententry s
                 where s.aggregateidentifier in ('erasure-one', 'erasure-two')
                   and s.sequencenumber < (select max(e.sequencenumber) from domainevententry e
                                            where e.aggregateidentifier = s.aggregateidentifier
                                              and e.payloadtype like '%AuthorErased')""", Integer.class))
                .as("old snapshots replaced").isZero();
    }

    @Test
    @Order(4)
    void afterwardsNothingOfTheErasedAuthorIsReadableAnywhereAndTheOtherAuthorsWordsAre() {
        String[] ada = {ADA_PHRASE, ADA_EDIT, ADA_NAME, ADA_REASON, ADA_NOTE, ADA_LINK};
        assertThat(PlaintextScan.database(jdbc, ada)).isEmpty();
        List<Received> onKafka = plain.poll();
        assertThat(PlaintextScan.kafka(onKafka, ada)).isEmpty();

        FeedLog reader = new FeedLog(INFRA.kafkaBootstrapServers(), INFRA.kafkaTopic(), keys);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll().size() >= onKafka.size());
            List<Received> decrypted = reader.poll();
            assertThat(String.join("\n", texts(decrypted))).as("a trusted reader with every key there is")
                    .doesNotContain(ada);
            assertThat(texts(decrypted)).contains(BO_PHRASE, BO_PHRASE + " to", "Bo Bakke");
            DecryptedEvent adasFirst = decrypted.stream().map(Received::envelope)
                    .filter(envelope -> envelope.type().equals("CommentPosted") && "ada".equals(envelope.authorId()))
                    .findFirst().orElseThrow().read(keys);
            assertThat(adasFirst.withheld()).containsEntry("body", WithheldReason.ERASED)
                    .containsEntry("authorName", WithheldReason.ERASED);
            assertThat(decrypted.stream().map(Received::envelope).filter(e -> e.type().equals("ReplyPosted"))
                    .map(e -> (ReplyPosted) e.read(keys).event()).filter(reply -> reply.authorId().equals("bo")))
                    .singleElement().satisfies(reply -> {
                        assertThat(reply.parentId()).as("keeps its parent").isEqualTo(adaComment);
                        assertThat(reply.body()).isEqualTo(BO_PHRASE);
                    });
        } finally {
            reader.close();
        }
    }

    @Test
    @Order(5)
    void aRepeatedOrRacingErasureAnswersTheFirstAndRecordsNothingNew() throws Exception {
        Map<String, Object> first = jdbc.queryForMap("select erasure_id, topic_count from erasure where author_id = 'ada'");
        long events = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
        Response again = http.call("POST", "/api/v1/authors/ada/erasure").token(admin).send();
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.text("erasureId")).isEqualTo(first.get("erasure_id"));
        assertThat(ErasurePosition.decode(again.text("position")).orElseThrow().topicCount()).isEqualTo(2);
        assertThat(recorder.recordPending()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from domainevententry", Long.class)).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from erasure", Integer.class)).isEqualTo(1);

        String cy = Tokens.author("cy", "Cy");
        created(http.post("/api/v1/topics/erasure-one/comments", cy, Map.of("body", "Cy was here")));
        ExecutorService racers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String token = i % 2 == 0 ? cy : admin;
                requests.add(() -> http.call("POST", "/api/v1/authors/cy/erasure").token(token).send());
            }
            List<String> ids = new ArrayList<>();
            for (Future<Response> answer : racers.invokeAll(requests)) {
                assertThat(answer.get().status()).isEqualTo(202);
                ids.add(answer.get().text("erasureId"));
            }
            assertThat(ids).as("one erasure, whoever came first").containsOnly(ids.get(0));
        } finally {
            racers.shutdownNow();
        }
        awaitRecorded(jdbc.queryForObject("select erasure_id from erasure where author_id = 'cy'", String.class));
        recorder.recordPending();
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where payloadtype like '%AuthorErased'"
                + " and aggregateidentifier = 'erasure-one'", Integer.class)).as("ada's and cy's, once each").isEqualTo(2);
    }

    @Test
    @Order(6)
    void anErasedAuthorsCommentsStayPlaceholdersAndTheyMayWriteAgainUnderANewKey() {
        problem(http.post("/api/v1/comments/" + adaComment + "/replies", bo, Map.of("body", "Hei?")), 409,
                "comment-erased");
        problem(http.call("PUT", "/api/v1/comments/" + adaReply).token(ada).header("If-Match", "\"1\"")
                .json(Map.of("body", "Ny tekst")).send(), 409, "comment-erased");
        problem(http.post("/api/v1/topics/erasure-one/links", bo, Map.of("url", "https://example.com/",
                "parentId", adaComment)), 409, "comment-erased");
        assertThat(http.post("/api/v1/comments/" + boReply + "/replies", bo, Map.of("body", "Fortsatt her"))
                .status()).as("the other author's comment is open").isEqualTo(201);

        String again = created(http.post("/api/v1/topics/erasure-one/comments", ada, Map.of("body", "Ny start " + MARK)));
        assertThat(jdbc.queryForList("select generation from data_key where author_id = 'ada' order by generation",
                Integer.class)).containsExactly(1, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> texts(trusted.poll()).contains("Ny start " + MARK));
        assertThat(http.post("/api/v1/comments/" + again + "/replies", bo, Map.of("body", "Velkommen tilbake"))
                .status()).isEqualTo(201);
    }

    @Test
    @Order(7)
    void aWriteAfterAnotherInstanceErasedTheKeySealsUnderTheNextGeneration() {
        String dag = Tokens.author("dag", "Dag");
        created(http.post("/api/v1/topics/erasure-two/comments", dag, Map.of("body", "Dag først")));
        // another instance erased dag: this instance's cache still holds the key as the one in use
        jdbc.update("update data_key set wrapped_key = null, kek_id = null, erased_at = now() where author_id = 'dag'");

        String second = created(http.post("/api/v1/topics/erasure-two/comments", dag, Map.of("body", "Dag igjen")));

        List<String> keyIds = jdbc.queryForList("select key_id from data_key where author_id = 'dag'"
                + " order by generation", String.class);
        assertThat(keyIds).hasSize(2);
        assertThat(jdbc.queryForObject("select convert_from(payload, 'UTF8')::jsonb -> 'encrypted' ->> 'keyId'"
                + " from domainevententry where convert_from(payload, 'UTF8')::jsonb ->> 'commentId' = ?",
                String.class, second)).isEqualTo(keyIds.get(1));
        assertThat(jdbc.queryForList("select key_id from key_participation where author_id = 'dag'"
                + " and topic_id = 'erasure-two' order by key_id", String.class))
                .containsExactlyInAnyOrderElementsOf(keyIds);
        await().atMost(Duration.ofSeconds(30)).until(() -> texts(trusted.poll()).contains("Dag igjen"));
    }

    @Test
    @Order(8)
    void theJobResumesWhatAnEarlierRunLeftAndFinishesAnErasureWhoseTopicHasNoEvents() {
        String erasureId = ErasurePosition.newErasureId();
        jdbc.update("insert into erasure (erasure_id, author_id, requested_by, key_ids, topic_count)"
                + " values (?, 'eve', 'eve', '{}', 2)", erasureId);
        jdbc.update("insert into erasure_topic (erasure_id, topic_id) values (?, 'no-such-topic'), (?, 'erasure-one')",
                erasureId, erasureId);
        long before = jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = 'erasure-one'"
                + " and payloadtype like '%AuthorErased'", Long.class);

        recorder.recordPending();

        assertThat(jdbc.queryForObject("select completed_at is not null from erasure where erasure_id = ?",
                Boolean.class, erasureId)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = 'erasure-one'"
                + " and payloadtype like '%AuthorErased'", Long.class)).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier ="
                + " 'no-such-topic'", Long.class)).isZero();
    }

    private List<String> texts(List<Received> records) {
        List<String> texts = new ArrayList<>();
        for (Received record : records) {
            record.envelope().payload().fields().forEachRemaining(field -> {
                if (field.getValue().isTextual()) {
                    texts.add(field.getValue().textValue());
                }
            });
        }
        return texts;
    }

    private List<Received> awaitErasedOnKafka(int atLeast) {
        await().atMost(Duration.ofSeconds(60)).until(() -> trusted.poll().stream()
                .filter(r -> r.envelope().type().equals("AuthorErased")).count() >= atLeast);
        return trusted.poll();
    }

    private void awaitRecorded(String erasureId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select completed_at is not null from erasure where erasure_id = ?", Boolean.class, erasureId));
    }

    private static String created(Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.text("commentId");
    }

    private static void problem(Response answer, int status, String slug) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("urn:commonplace:problem:" + slug);
    }
}
