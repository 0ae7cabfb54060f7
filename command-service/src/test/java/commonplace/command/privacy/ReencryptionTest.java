package commonplace.command.privacy;

import commonplace.testing.http.Http;
import commonplace.testing.http.Http.Response;
import commonplace.command.support.PlaintextScan;
import commonplace.command.support.Tokens;
import commonplace.events.CommentPosted;
import commonplace.events.ReplyPosted;
import commonplace.events.TopicOpened;
import commonplace.events.privacy.ErasurePosition;
import commonplace.testing.IsolatedInfrastructure;
import org.axonframework.common.caching.Cache;
import org.flywaydb.core.Flyway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events stored before sealing existed: their authors' erasure is refused (409 plaintext-events) until an admin runs
 * the one-time re-encryption, which seals them in place (same ids and content, readable through the keys, a repeat
 * seals nothing); then the erasure reaches them like any other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET,
        "commonplace.rate-limit.per-minute=0"})
class ReencryptionTest {

    private static final String TOPIC = "before-sealing";
    private static final String OLGA_WORDS = "Olgas gamle ord " + UUID.randomUUID();
    private static final String BO_WORDS = "Bos gamle svar " + UUID.randomUUID();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IsolatedInfrastructure.forTestClass(ReencryptionTest.class).registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    DataSource dataSource;
    @Autowired
    @Qualifier("topicCache")
    Cache topicCache;

    @Test
    void oldPlaintextEventsAreSealedInPlaceOnceAndTheirAuthorsBecomeErasable() {
        Http http = new Http(port);
        String admin = Tokens.admin("root", "Admin");
        storeRaw(0, TopicOpened.class, "1", "{\"topicId\":\"" + TOPIC + "\",\"title\":\"Old\",\"authorId\":\"site\","
                + "\"authorName\":\"Site\"}");
        storeRaw(1, CommentPosted.class, "1", "{\"topicId\":\"" + TOPIC + "\",\"commentId\":\"old-1\",\"body\":\""
                + OLGA_WORDS + "\",\"authorId\":\"olga\",\"authorName\":\"Olga Gammel\"}");
        storeRaw(2, ReplyPosted.class, "1", "{\"topicId\":\"" + TOPIC + "\",\"commentId\":\"old-2\",\"parentId\":"
                + "\"old-1\",\"body\":\"" + BO_WORDS + "\",\"authorId\":\"bo\",\"authorName\":\"Bo\"}");
        jdbc.update("insert into comment_directory (comment_id, topic_id) values ('old-1', ?), ('old-2', ?)", TOPIC,
                TOPIC);
        // what the migration to sealing found for events stored before it
        jdbc.update("insert into plaintext_participation (author_id, topic_id) values ('site', ?), ('olga', ?),"
                + " ('bo', ?)", TOPIC, TOPIC, TOPIC);

        Response refused = http.call("POST", "/api/v1/authors/olga/erasure").token(Tokens.author("olga", "Olga"))
                .send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("urn:commonplace:problem:plaintext-events");
        assertThat(jdbc.queryForObject("select count(*) from erasure", Integer.class)).isZero();

        assertThat(http.call("POST", "/api/v1/admin/reencryption").token(Tokens.author("olga", "Olga")).send()
                .status()).isEqualTo(403);
        assertThat(http.call("POST", "/api/v1/admin/reencryption").send().status()).isEqualTo(401);
        Response run = http.call("POST", "/api/v1/admin/reencryption").token(admin).send();
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().get("sealed").asInt()).isEqualTo(3);
        assertThat(PlaintextScan.database(jdbc, OLGA_WORDS, BO_WORDS, "Olga Gammel")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from plaintext_participation", Integer.class)).isZero();
        assertThat(http.call("POST", "/api/v1/admin/reencryption").token(admin).send().json().get("sealed").asInt())
                .as("a repeat seals nothing").isZero();

        topicCache.removeAll();
        List<Object> payloads = new ArrayList<>();
        eventStore.readEvents(TOPIC).forEachRemaining(event -> payloads.add(event.getPayload()));
        assertThat(payloads.get(1)).isInstanceOfSatisfying(CommentPosted.class, posted -> {
            assertThat(posted.body()).isEqualTo(OLGA_WORDS);
            assertThat(posted.authorName()).isEqualTo("Olga Gammel");
            assertThat(posted.commentId()).isEqualTo("old-1");
        });
        assertThat(http.post("/api/v1/comments/old-1/replies", Tokens.author("bo", "Bo"), Map.of("body", "Ja"))
                .status()).isEqualTo(201);

        Response erased = http.call("POST", "/api/v1/authors/olga/erasure").token(admin).send();
        assertThat(erased.status()).as(erased.toString()).isEqualTo(202);
        assertThat(ErasurePosition.decode(erased.text("position")).orElseThrow().topicCount()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select completed_at is not null from erasure where author_id = 'olga'", Boolean.class));
        Response reply = http.post("/api/v1/comments/old-1/replies", Tokens.author("bo", "Bo"), Map.of("body", "Hei"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
        assertThat(reply.text("type")).isEqualTo("urn:commonplace:problem:comment-erased");
        assertThat(http.post("/api/v1/comments/old-2/replies", Tokens.author("cy", "Cy"), Map.of("body", "Hei"))
                .status()).as("the other author's old reply is open").isEqualTo(201);
    }

    /** The migration to sealing, on a schema that held events from before it: it lists their authors, drops snapshots. */
    @Test
    void theMigrationToSealingListsTheAuthorsOfPlaintextEventsAndDropsTheOldSnapshots() {
        String schema = "before_v4";
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).createSchemas(true)
                .target("3").load().migrate();
        JdbcTemplate old = new JdbcTemplate(dataSource);
        old.update("insert into " + schema + ".domainevententry (aggregateidentifier, sequencenumber, type,"
                + " eventidentifier, payload, payloadtype, timestamp) values"
                + " ('t1', 0, 'Topic', 'e1', convert_to('{\"topicId\":\"t1\",\"authorId\":\"olga\"}', 'UTF8'),"
                + " 'commonplace.events.TopicOpened', 'x'),"
                + " ('t1', 1, 'Topic', 'e2', convert_to('{\"topicId\":\"t1\",\"authorId\":\"bo\"}', 'UTF8'),"
                + " 'commonplace.events.CommentPosted', 'x'),"
                + " ('t2', 0, 'Topic', 'e3', convert_to('{\"topicId\":\"t2\",\"authorId\":\"bo\","
                + "\"encrypted\":{}}', 'UTF8'), 'commonplace.events.TopicOpened', 'x')");
        old.update("insert into " + schema + ".snapshotevententry (aggregateidentifier, sequencenumber, type,"
                + " eventidentifier, payload, payloadtype, timestamp) values ('t1', 1, 'Topic', 's1',"
                + " convert_to('{}', 'UTF8'), 'commonplace.command.topic.model.Topic', 'x')");

        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).load().migrate();

        assertThat(old.queryForList("select author_id || ' ' || topic_id from " + schema
                + ".plaintext_participation order by 1", String.class)).containsExactly("bo t1", "olga t1");
        assertThat(old.queryForObject("select count(*) from " + schema + ".snapshotevententry", Integer.class))
                .isZero();
    }

    private void storeRaw(long sequenceNumber, Class<?> type, String revision, String json) {
        jdbc.update("insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,"
                        + " metadata, payload, payloadrevision, payloadtype, timestamp)"
                        + " values (?, ?, 'Topic', ?, convert_to('{}', 'UTF8'), convert_to(?, 'UTF8'), ?, ?, ?)",
                TOPIC, sequenceNumber, UUID.randomUUID().toString(), json, revision, type.getName(),
                "2025-01-01T00:00:00Z");
    }
}
