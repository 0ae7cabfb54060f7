package commonplace.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.CommentPosted;
import commonplace.events.EventEnvelope;
import commonplace.events.TopicOpened;
import commonplace.testing.http.Http;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile input against both services as processes: the longest link the contract allows, a reply chain as deep as
 * the command side accepts, an event the read models refuse and records produced straight onto the topic (one
 * readable but impossible to apply, one unreadable). Every other topic keeps projecting within the normal wait of
 * {@code consistentWith}; the poisoned topics park and show in the admin status; after an admin's retry or skip they
 * catch up; every acknowledged write is in the read models afterwards.
 */
class PoisonedTopicEndToEndTest extends StackTest {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final String POISON_BODY = "a body the read models refuse";
    private static final int CHAIN_DEPTH = 1_000;

    @Test
    void poisonParksOnlyItsTopicAndAdminsBringItBackWithNothingAcknowledgedLost() throws Exception {
        String ada = api.token("ada", "Ada");
        String adminToken = api.token("ops", "Operations", "admin");
        List<String> acknowledged = new ArrayList<>();
        String steady = "steady-" + suffix();
        created(api.openTopic(ada, steady, "Steady", null));

        // the longest link the contract allows
        String longLinks = "long-links-" + suffix();
        created(api.openTopic(ada, longLinks, "Long links", null));
        String url = "https://example.org/" + "l".repeat(2048 - "https://example.org/".length());
        String linked = created(api.postComment(ada, longLinks, "The whole address: " + url)).get("commentId").asText();
        acknowledged.add(linked);

        // a reply chain exactly as deep as the command side accepts
        String deep = "deep-chain-" + suffix();
        created(api.openTopic(ada, deep, "Deep chain", null));
        String parent = created(api.postComment(ada, deep, "level 1")).get("commentId").asText();
        acknowledged.add(parent);
        for (int level = 2; level <= CHAIN_DEPTH; level++) {
            parent = created(api.reply(ada, parent, "level " + level)).get("commentId").asText();
            acknowledged.add(parent);
        }

        // a read-model constraint that one acknowledged comment breaks: its topic parks, later writes wait behind it
        String poisoned = "poisoned-" + suffix();
        created(api.openTopic(ada, poisoned, "Poisoned", null));
        query("alter table query.comment add constraint refuse_poison check (body is distinct from '"
                + POISON_BODY + "') not valid");
        for (String body : List.of(POISON_BODY, "written while parked", "and once more")) {
            acknowledged.add(created(api.postComment(ada, poisoned, body)).get("commentId").asText());
        }
        // straight onto the topic: a readable event no text column takes (a NUL), and a record that is no event
        String forged = "forged-" + suffix();
        produceStraightOntoTheTopic(forged);

        awaitParked(poisoned, 3);
        awaitParked(forged, 1);
        // every other topic goes on within the normal wait of read-your-writes
        for (int i = 0; i < 5; i++) {
            JsonNode written = created(api.postComment(ada, steady, "steady write " + i));
            acknowledged.add(written.get("commentId").asText());
            Http.Response read = api.read("/topics/" + steady + "/timeline?limit=500&consistentWith="
                    + ApiClient.encode(written.get("position").asText()));
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.header("X-Commonplace-Stale")).as("steady write %d applied within the wait", i).isNull();
        }
        await().atMost(DEADLINE).untilAsserted(() -> {
            JsonNode status = api.readAsAdmin("/admin/projections").json();
            assertThat(status.get("parkedTopics").findValuesAsText("topicId")).contains(poisoned, forged);
            assertThat(status.get("deadLetters").asLong()).isGreaterThanOrEqualTo(1);
        });
        Http.Response parkedRead = api.read("/topics/" + poisoned + "/timeline?consistentWith="
                + ApiClient.encode(positionOf(poisoned, 4)));
        assertThat(parkedRead.header("X-Commonplace-Parked")).isEqualTo("true");

        // the fix for the read models, then an admin's retry; the forged event is skipped
        query("alter table query.comment drop constraint refuse_poison");
        assertThat(admin(adminToken, poisoned, "retry").status()).isEqualTo(202);
        assertThat(admin(adminToken, forged, "skip?sequence=2").status()).isEqualTo(202);
        await().atMost(DEADLINE).until(() -> api.readAsAdmin("/admin/parked-topics/" + poisoned).status() == 404
                && api.readAsAdmin("/admin/parked-topics/" + forged).status() == 404);

        JsonNode summary = api.read("/topics/" + poisoned).json();
        assertThat(summary.get("commentCount").asInt()).isEqualTo(3);
        assertThat(api.read("/topics/" + forged).json().get("title").asText()).isEqualTo("Forged");
        assertThat(api.read("/topics/" + deep).json().get("commentCount").asInt()).isEqualTo(CHAIN_DEPTH);
        List<JsonNode> chainTimeline = ReadModels.pages(api, "/topics/" + deep + "/timeline?limit=500");
        assertThat(chainTimeline).hasSize(CHAIN_DEPTH + 1);
        JsonNode deepest = api.read("/comments/" + parent).json();
        assertThat(deepest.get("body").asText()).isEqualTo("level " + CHAIN_DEPTH);
        assertThat(api.read("/comments/" + linked).json().get("links").findValuesAsText("url")).containsExactly(url);
        for (String commentId : acknowledged) {
            Http.Response comment = api.read("/comments/" + commentId);
            assertThat(comment.status()).as("acknowledged comment %s", commentId).isEqualTo(200);
        }
    }

    private void awaitParked(String topicId, long waiting) {
        await().atMost(DEADLINE).until(() -> {
            Http.Response answer = api.readAsAdmin("/admin/parked-topics/" + topicId);
            return answer.status() == 200 && answer.json().get("topic").get("waiting").asLong() == waiting;
        });
    }

    private Http.Response admin(String token, String topicId, String action) {
        return api.send("POST", stack.query.baseUrl() + "/api/v1/admin/parked-topics/" + topicId + "/" + action,
                token, null, Map.of());
    }

    /** A forged topic opened and poisoned, and an unreadable record, produced the way no command service would. */
    private void produceStraightOntoTheTopic(String forged) throws Exception {
        Instant now = Instant.now();
        EventEnvelope opened = EventEnvelope.wrap(UUID.randomUUID().toString(), 1, now,
                new TopicOpened(forged, "Forged", null, null, null, "ada", "Ada"));
        EventEnvelope nul = EventEnvelope.wrap(UUID.randomUUID().toString(), 2, now,
                new CommentPosted(forged, "forged-1", "a NUL \u0000 in the body", "ada", "Ada"));
        byte[] key = forged.getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(infrastructure.kafkaTopic(), key, opened.toJsonBytes())).get();
            producer.send(new ProducerRecord<>(infrastructure.kafkaTopic(), key, nul.toJsonBytes())).get();
            producer.send(new ProducerRecord<>(infrastructure.kafkaTopic(), "key\u0000with a NUL"
                    .getBytes(StandardCharsets.UTF_8), new byte[]{(byte) 0xFF, 0, '{'})).get();
        }
    }

    private void query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl(),
                infrastructure.databaseUser(), infrastructure.databasePassword());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String positionOf(String topicId, long sequence) {
        return new commonplace.events.ConsistencyPosition(topicId, sequence).encode();
    }

    private static JsonNode created(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response.json();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
