package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.ConsistencyPosition;
import commonplace.events.EventEnvelope;
import commonplace.testing.http.Http;
import commonplace.testing.http.Http.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event that cannot be applied parks its topic, and only its topic; admins see it and retry or skip it; nothing
 * acknowledged is lost and nothing is applied out of order.
 */
class ParkedTopicsTest extends QueryServiceTestBase {

    private static final String PARKED = "/api/v1/admin/parked-topics";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void aTopicParksAtAnEventTheReadModelsRefuseAndAdminsRetryItOnceTheCauseIsGone() {
        TestTopic poisoned = TestTopic.named("parks");
        poisoned.open("Parks", "ada", "Ada");
        poisoned.comment("pk-1", "refused by a read-model bug", "ada", "Ada");
        poisoned.comment("pk-2", "waits behind it", "bo", "Bo");
        poisoned.reply("pk-3", "pk-2", "and so does this reply", "ada", "Ada");
        TestTopic healthy = TestTopic.named("healthy");
        healthy.open("Healthy", "bo", "Bo");
        healthy.comment("hk-1", "applied all the same", "bo", "Bo");
        // a read-model bug, made real: the database refuses this one comment
        jdbc.execute("""
                create or replace function refuse_pk_1() returns trigger language plpgsql as $$
                begin
                    if new.comment_id = 'pk-1' then raise exception 'read model bug'; end if;
                    return new;
                end $$""");
        jdbc.execute("create trigger refuse_pk_1 before insert on comment for each row execute function refuse_pk_1()");
        try {
            List<EventEnvelope> interleaved = new ArrayList<>(poisoned.envelopes());
            interleaved.addAll(2, healthy.envelopes());
            publish(interleaved);

            awaitApplied(healthy.topicId, 2);
            JsonNode parked = awaitParked(poisoned.topicId, 3);
            assertThat(parked.get("headSequence").asLong()).isEqualTo(2);
            assertThat(parked.get("headType").asText()).isEqualTo("CommentPosted");
            assertThat(parked.get("reason").asText()).isEqualTo("could not be applied: SQLState P0001: read model bug")
                    .doesNotContain("refused by");
            assertThat(appliedSequence(poisoned.topicId)).isEqualTo(1);
            assertThat(get("/api/v1/comments/pk-2").status()).isEqualTo(404);

            // the status is worked out at most once a second
            await().atMost(DEADLINE).untilAsserted(() -> {
                JsonNode status = getAsAdmin("/api/v1/admin/projections").json();
                assertThat(status.get("parkedTopics").findValuesAsText("topicId")).contains(poisoned.topicId);
                assertThat(status.get("deadLetters").isNumber()).isTrue();
            });

            // a read waiting for a write of the parked topic answers at once, marked
            Response waited = get("/api/v1/topics/" + poisoned.topicId + "/timeline?consistentWith="
                    + new ConsistencyPosition(poisoned.topicId, 3).encode());
            assertThat(waited.status()).isEqualTo(200);
            assertThat(waited.header("X-Commonplace-Stale")).isEqualTo("true");
            assertThat(waited.header("X-Commonplace-Parked")).isEqualTo("true");

            // retried while the bug is still there: it stays parked, and the try is recorded
            Response retry = admin("POST", PARKED + "/" + poisoned.topicId + "/retry");
            assertThat(retry.status()).as(retry.toString()).isEqualTo(202);
            assertThat(retry.header("Location")).isEqualTo(PARKED + "/" + poisoned.topicId);
            assertThat(retry.json().get("action").get("actor").asText()).isEqualTo("mod-1");
            await().atMost(DEADLINE).until(() -> latestAction(poisoned.topicId).get("outcome").asText()
                    .startsWith("still parked"));
            assertThat(getAsAdmin(PARKED + "/" + poisoned.topicId).json().get("topic").get("attempts").asInt())
                    .isGreaterThan(parked.get("attempts").asInt());
        } finally {
            jdbc.execute("drop trigger refuse_pk_1 on comment");
        }

        Response retry = admin("POST", PARKED + "/" + poisoned.topicId + "/retry");
        assertThat(retry.status()).as(retry.toString()).isEqualTo(202);
        await().atMost(DEADLINE).until(() -> getAsAdmin(PARKED + "/" + poisoned.topicId).status() == 404);
        assertThat(appliedSequence(poisoned.topicId)).isEqualTo(4);
        assertThat(jdbc.queryForList("select comment_id from comment where topic_id = ? order by sequence",
                String.class, poisoned.topicId)).containsExactly("pk-1", "pk-2", "pk-3");
        assertThat(jdbc.queryForList("select action || ' by ' || actor || ': ' || outcome from parking_action "
                + "where topic_id = ? order by id", String.class, poisoned.topicId)).satisfiesExactly(
                first -> assertThat(first).startsWith("retry by mod-1: still parked"),
                second -> assertThat(second).isEqualTo("retry by mod-1: resumed"));
        assertThat(getAsAdmin("/actuator/prometheus").body())
                .contains("commonplace_parking_topics", "commonplace_parking_waiting",
                        "commonplace_parking_actions_total{action=\"retry\"")
                .contains("commonplace_ingest_topics_parked_total");
    }

    @Test
    void aSkipDropsOnlyTheEventTheTopicWaitsAtAndAppliesTheRestInOrder() {
        TestTopic topic = TestTopic.named("skips");
        topic.open("Skips", "ada", "Ada");
        // readable, but no text column takes a NUL: it can never be applied
        topic.comment("sk-1", "a NUL \u0000 in the body", "ada", "Ada");
        topic.comment("sk-2", "second", "bo", "Bo");
        publish(topic.envelopes());
        awaitParked(topic.topicId, 2);
        assertThat(getAsAdmin(PARKED + "/" + topic.topicId).json().get("topic").get("reason").asText())
                .startsWith("could not be applied: SQLState 22").doesNotContain("NUL");

        // events that arrive while the topic is parked wait behind it
        EventEnvelope later = topic.comment("sk-3", "third", "ada", "Ada");
        publish(List.of(later));
        awaitParked(topic.topicId, 3);

        Response wrongEvent = admin("POST", PARKED + "/" + topic.topicId + "/skip?sequence=3");
        assertThat(wrongEvent.status()).as(wrongEvent.toString()).isEqualTo(409);
        assertThat(wrongEvent.json().get("type").asText()).isEqualTo("urn:commonplace:problem:parked-event-moved");
        Response skip = admin("POST", PARKED + "/" + topic.topicId + "/skip?sequence=2");
        assertThat(skip.status()).as(skip.toString()).isEqualTo(202);
        assertThat(skip.json().get("action").get("sequence").asLong()).isEqualTo(2);
        // a second skip never drops another event: under way (409), or nothing parked any more (404)
        assertThat(admin("POST", PARKED + "/" + topic.topicId + "/skip").status()).isIn(404, 409);

        await().atMost(DEADLINE).until(() -> getAsAdmin(PARKED + "/" + topic.topicId).status() == 404);
        assertThat(appliedSequence(topic.topicId)).isEqualTo(4);
        assertThat(jdbc.queryForList("select comment_id from comment where topic_id = ? order by sequence",
                String.class, topic.topicId)).containsExactly("sk-2", "sk-3");
        assertThat(jdbc.queryForList("select action || ' #' || sequence || ' ' || event_type || ': ' || outcome "
                        + "from parking_action where topic_id = ?", String.class, topic.topicId))
                .containsExactly("skip #2 CommentPosted: skipped");
        assertThat(jdbc.queryForObject("select count(*) from parked_event where topic_id = ?", Integer.class,
                topic.topicId)).isZero();
    }

    @Test
    void adminActionsRefuseWhatTheyCannotDoWithAProblemAndConcurrentRetriesAreOneAtATime() throws Exception {
        Response notParked = admin("POST", PARKED + "/never-parked-topic/retry");
        assertThat(notParked.status()).isEqualTo(404);
        assertThat(notParked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(admin("POST", PARKED + "/bad%20id/retry").status()).isEqualTo(400);
        assertThat(post(PARKED + "/never-parked-topic/retry", null).status()).isEqualTo(401);
        assertThat(post(PARKED + "/never-parked-topic/retry", RebuildTest.token(List.of())).status()).isEqualTo(403);
        assertThat(getAsAdmin(PARKED + "/never-parked-topic").status()).isEqualTo(404);
        assertThat(getAsAdmin(PARKED + "?limit=0").status()).isEqualTo(400);
        assertThat(getAsAdmin(PARKED + "?cursor=forged").status()).isEqualTo(400);

        TestTopic topic = TestTopic.named("concurrent");
        topic.open("Concurrent", "ada", "Ada");
        topic.comment("cc-1", "NUL \u0000 again", "ada", "Ada");
        publish(topic.envelopes());
        awaitParked(topic.topicId, 1);
        assertThat(admin("POST", PARKED + "/" + topic.topicId + "/skip?sequence=none").status()).isEqualTo(400);

        ExecutorService clients = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(clients.submit((Callable<Response>) () ->
                        admin("POST", PARKED + "/" + topic.topicId + "/retry")));
            }
            for (Future<Response> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS).status());
            }
        } finally {
            clients.shutdown();
        }
        assertThat(statuses).containsOnly(202, 409).contains(202);
        await().atMost(DEADLINE).until(() -> jdbc.queryForObject(
                "select count(*) from parking_action where topic_id = ? and outcome = 'requested'", Integer.class,
                topic.topicId) == 0);
        // every accepted retry was recorded and carried out; the topic is still parked at the same event
        assertThat(jdbc.queryForObject("select count(*) from parking_action where topic_id = ?", Long.class,
                topic.topicId)).isEqualTo(statuses.stream().filter(status -> status == 202).count());
        assertThat(getAsAdmin(PARKED + "/" + topic.topicId).json().get("topic").get("headSequence").asLong()).isEqualTo(2);
        assertThat(getAsAdmin(PARKED + "?limit=500").json().get("items").findValuesAsText("topicId"))
                .contains(topic.topicId);
    }

    @Test
    void aTopicWithAHundredThousandWaitingRecordsResumesInBatchesWhileOtherTopicsGoOn() {
        TestTopic big = TestTopic.named("hundred-thousand");
        big.open("Hundred thousand", "ada", "Ada");
        publish(big.envelopes());
        awaitApplied(big.topicId, 1);
        // the waiting line as the consumer would have built it: the NUL comment, then 99,999 comments
        String poison = new String(big.comment("ht-poison", "NUL \u0000", "ada", "Ada").toJsonBytes(),
                StandardCharsets.UTF_8);
        String template = new String(big.comment("ht-SEQ", "Comment SEQ", "bo", "Bo").toJsonBytes(),
                StandardCharsets.UTF_8).replace("\"sequence\":3", "\"sequence\":SEQ");
        assertThat(template).contains("\"sequence\":SEQ", "ht-SEQ");
        jdbc.update("""
                insert into parked_topic (topic_id, head_sequence, head_type, reason, attempts, waiting)
                values (?, 2, 'CommentPosted', 'could not be applied: SQLState 22021', 3, 100000)""", big.topicId);
        jdbc.update("""
                insert into parked_event (topic_id, sequence, kafka_partition, kafka_offset, record_value)
                select ?, 2, 0, 0, convert_to(?, 'UTF8')
                union all
                select ?, s, 0, s, convert_to(replace(?, 'SEQ', s::text), 'UTF8') from generate_series(3, 100001) s""",
                big.topicId, poison, big.topicId, template);
        assertThat(getAsAdmin(PARKED + "/" + big.topicId).json().get("topic").get("waiting").asLong()).isEqualTo(100_000);

        Response skip = admin("POST", PARKED + "/" + big.topicId + "/skip?sequence=2");
        assertThat(skip.status()).as(skip.toString()).isEqualTo(202);
        TestTopic meanwhile = TestTopic.named("meanwhile");
        meanwhile.open("Meanwhile", "bo", "Bo");
        meanwhile.comment("mw-1", "applied while the big topic resumes", "bo", "Bo");
        publish(meanwhile.envelopes());
        awaitApplied(meanwhile.topicId, 2);

        await().atMost(Duration.ofMinutes(5)).until(() -> getAsAdmin(PARKED + "/" + big.topicId).status() == 404);
        assertThat(appliedSequence(big.topicId)).isEqualTo(100_001);
        assertThat(jdbc.queryForObject("select count(*) from comment where topic_id = ?", Integer.class,
                big.topicId)).isEqualTo(99_999);
        assertThat(jdbc.queryForObject("select bool_and(comment_id = 'ht-' || sequence) from comment "
                + "where topic_id = ?", Boolean.class, big.topicId)).isTrue();
    }

    /** Waits until the topic is parked with {@code waiting} records; its parked-topic view. */
    private JsonNode awaitParked(String topicId, long waiting) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(DEADLINE).until(() -> {
            Response answer = getAsAdmin(PARKED + "/" + topicId);
            if (answer.status() != 200 || answer.json().get("topic").get("waiting").asLong() != waiting) {
                return false;
            }
            found[0] = answer.json().get("topic");
            return true;
        });
        return found[0];
    }

    private JsonNode latestAction(String topicId) {
        return getAsAdmin(PARKED + "/" + topicId).json().get("actions").get(0);
    }

    private Response admin(String method, String path) {
        return call(method, path).token(RebuildTest.token(List.of("admin"))).send();
    }

    private Response post(String path, String token) {
        Http.Call request = call("POST", path);
        if (token != null) {
            request.token(token);
        }
        return request.send();
    }
}
