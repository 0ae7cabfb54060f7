package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.testing.http.Http.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild parks the topics it cannot apply the same way the live side does, and the switch carries the parking
 * over: parked topics stay parked with everything that waits behind them (what arrived during the rebuild too), since
 * when they wait, the admins' actions, and what they decided: an event an admin skipped is dropped again.
 */
class RebuildParkingTest extends QueryServiceTestBase {

    private static final String PARKED = "/api/v1/admin/parked-topics";
    private static final String STATUS = "/api/v1/admin/projections";
    private static final Duration DEADLINE = Duration.ofSeconds(180);

    @Test
    void parkedTopicsAndSkipsSurviveARebuildAndTopicsParkedDuringItAreParkedAfterwards() {
        TestTopic stays = TestTopic.named("stays-parked");
        stays.open("Stays parked", "ada", "Ada");
        stays.comment("sp-1", "NUL \u0000", "ada", "Ada");
        stays.comment("sp-2", "waits", "bo", "Bo");
        TestTopic skipped = TestTopic.named("was-skipped");
        skipped.open("Was skipped", "ada", "Ada");
        skipped.comment("ws-1", "NUL \u0000", "ada", "Ada");
        skipped.comment("ws-2", "applied after the skip", "bo", "Bo");
        publish(stays.envelopes());
        publish(skipped.envelopes());
        awaitWaiting(stays.topicId, 2);
        awaitWaiting(skipped.topicId, 2);
        Instant parkedSince = Instant.parse(getAsAdmin(PARKED + "/" + stays.topicId).json().get("topic").get("since").asText());
        assertThat(admin("POST", PARKED + "/" + skipped.topicId + "/skip?sequence=2").status()).isEqualTo(202);
        await().atMost(DEADLINE).until(() -> getAsAdmin(PARKED + "/" + skipped.topicId).status() == 404);
        assertThat(appliedSequence(skipped.topicId)).isEqualTo(3);

        Response started = admin("POST", STATUS + "/rebuild");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        Instant startedAt = Instant.parse(started.json().get("rebuild").get("startedAt").asText());
        // while it runs: more of a parked topic, and a topic that parks
        publish(List.of(stays.comment("sp-3", "arrives during the rebuild", "ada", "Ada")));
        TestTopic during = TestTopic.named("parks-during-rebuild");
        during.open("Parks during the rebuild", "ada", "Ada");
        during.comment("pd-1", "NUL \u0000", "ada", "Ada");
        publish(during.envelopes());
        assertThat(awaitOutcome(startedAt).get("outcome").asText()).isEqualTo("completed");

        awaitWaiting(stays.topicId, 3);
        JsonNode stillParked = getAsAdmin(PARKED + "/" + stays.topicId).json().get("topic");
        assertThat(stillParked.get("headSequence").asLong()).isEqualTo(2);
        assertThat(Instant.parse(stillParked.get("since").asText())).isEqualTo(parkedSince);
        awaitWaiting(during.topicId, 1);
        // the rebuild met the skipped event again: after the switch it is dropped again, the rest applied
        await().atMost(DEADLINE).until(() -> getAsAdmin(PARKED + "/" + skipped.topicId).status() == 404
                && appliedSequence(skipped.topicId) == 3);
        assertThat(jdbc.queryForList("select comment_id from comment where topic_id = ?", String.class,
                skipped.topicId)).containsExactly("ws-2");
        assertThat(jdbc.queryForList("select action || ': ' || outcome from parking_action where topic_id = ?",
                String.class, skipped.topicId)).containsExactly("skip: skipped");
        // the status is worked out at most once a second
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(getAsAdmin(STATUS).json().get("parkedTopics")
                .findValuesAsText("topicId")).contains(stays.topicId, during.topicId).doesNotContain(skipped.topicId));

        assertThat(admin("POST", PARKED + "/" + stays.topicId + "/skip?sequence=2").status()).isEqualTo(202);
        await().atMost(DEADLINE).until(() -> getAsAdmin(PARKED + "/" + stays.topicId).status() == 404);
        assertThat(jdbc.queryForList("select comment_id from comment where topic_id = ? order by sequence",
                String.class, stays.topicId)).containsExactly("sp-2", "sp-3");
    }

    private void awaitWaiting(String topicId, long waiting) {
        await().atMost(DEADLINE).until(() -> {
            Response answer = getAsAdmin(PARKED + "/" + topicId);
            return answer.status() == 200 && answer.json().get("topic").get("waiting").asLong() == waiting;
        });
    }

    private JsonNode awaitOutcome(Instant startedAt) {
        JsonNode[] outcome = new JsonNode[1];
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode status = getAsAdmin(STATUS).json();
            JsonNode last = status.get("lastRebuild");
            if (status.get("state").asText().equals("live") && !last.isNull()
                    && Instant.parse(last.get("startedAt").asText()).equals(startedAt)) {
                outcome[0] = last;
                return true;
            }
            return false;
        });
        return outcome[0];
    }

    private Response admin(String method, String path) {
        return call(method, path).token(RebuildTest.token(List.of("admin"))).send();
    }
}
