package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.LinkOrigin;
import commonplace.events.privacy.DataKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sealed events, as the command service stores and publishes them, opened at ingest with keys from the key endpoint
 * (a real HTTP server here): read models hold the texts, the stored envelopes stay sealed and are opened on read, an
 * erased key is a placeholder, and a key endpoint that is down makes the consumer wait, never park or guess.
 */
class SealedEventsTest extends QueryServiceTestBase {

    private static final TestKeyServer KEYS = TestKeyServer.shared();

    @Test
    void sealedEventsAreOpenedAtIngestAndStoredSealed() {
        DataKey ada = KEYS.newKey("sealed-ada");
        DataKey bo = KEYS.newKey("sealed-bo");
        TestTopic topic = TestTopic.named("sealed").sealedWith(Map.of("sealed-ada", ada, "sealed-bo", bo)::get);
        topic.open("Sealed", "site", "Site");
        topic.comment("c1-" + topic.topicId, "Forseglet hemmelighet https://forseglet.example/a", "sealed-ada",
                "Ada Lovelace");
        topic.link("l1-" + topic.topicId, "c1-" + topic.topicId, LinkOrigin.BODY, "https://forseglet.example/a",
                "https://forseglet.example/a", "forseglet.example", "sealed-ada", "Ada Lovelace");
        topic.reply("c2-" + topic.topicId, "c1-" + topic.topicId, "Et forseglet svar", "sealed-bo", "Bø Ångström");
        publish(topic.envelopes());
        awaitApplied(topic.topicId, topic.lastSequence());

        JsonNode root = get("/api/v1/topics/" + topic.topicId + "/thread").json().get("items").get(0);
        assertThat(root.get("body").asText()).startsWith("Forseglet hemmelighet");
        assertThat(root.get("author").get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(root.get("links").get(0).get("domain").asText()).isEqualTo("forseglet.example");
        assertThat(root.get("replies").get(0).get("body").asText()).isEqualTo("Et forseglet svar");
        assertThat(get("/api/v1/topics/" + topic.topicId + "/timeline").body()).contains("Forseglet hemmelighet");

        String stored = String.join("\n", jdbc.queryForList("select envelope from event_log where topic_id = ?",
                String.class, topic.topicId));
        assertThat(stored).contains("\"encrypted\"").doesNotContain("Forseglet").doesNotContain("Ada Lovelace");
        String feed = get("/api/v1/topics/" + topic.topicId + "/events").body();
        assertThat(feed).contains("Forseglet hemmelighet").contains("Et forseglet svar").doesNotContain("\"encrypted\"");
        String asOf = get("/api/v1/topics/" + topic.topicId + "/thread?asOf=2099-01-01T00:00:00Z").body();
        assertThat(asOf).contains("Forseglet hemmelighet");
    }

    @Test
    void aRetractedSealedCommentIsWithheldFromTheFeed() {
        DataKey ada = KEYS.newKey("sealed-ada");
        TestTopic topic = TestTopic.named("sealed-retracted").sealedWith(Map.of("sealed-ada", ada)::get);
        topic.open("Sealed retracted", "site", "Site");
        topic.comment("c1-" + topic.topicId, "Forseglet og angret", "sealed-ada", "Ada Lovelace");
        topic.retract("c1-" + topic.topicId, false, "sealed-ada", "Ada Lovelace");
        publish(topic.envelopes());
        awaitApplied(topic.topicId, topic.lastSequence());

        String feed = get("/api/v1/topics/" + topic.topicId + "/events").body();
        assertThat(feed).contains("\"withheld\":{\"body\":\"retracted\"}").contains("Ada Lovelace")
                .doesNotContain("Forseglet og angret").doesNotContain("no longer relevant")
                .doesNotContain("\"encrypted\"");
        assertThat(getAsAdmin("/api/v1/topics/" + topic.topicId + "/events?includeRetracted=true").body())
                .contains("Forseglet og angret");
    }

    @Test
    void anErasedKeyIsAPlaceholderAndTheRestStays() {
        DataKey ada = KEYS.newKey("sealed-ada");
        DataKey gone = KEYS.newKey("sealed-gone");
        KEYS.erase(gone);
        TestTopic topic = TestTopic.named("erased-key").sealedWith(Map.of("sealed-ada", ada, "sealed-gone", gone)::get);
        topic.open("Erased key", "site", "Site");
        topic.comment("c1-" + topic.topicId, "Borte for alltid", "sealed-gone", "Glemt Navn");
        topic.reply("c2-" + topic.topicId, "c1-" + topic.topicId, "Svaret blir", "sealed-ada", "Ada Lovelace");
        publish(topic.envelopes());
        awaitApplied(topic.topicId, topic.lastSequence());

        JsonNode root = get("/api/v1/topics/" + topic.topicId + "/thread").json().get("items").get(0);
        assertThat(root.get("body").isNull()).isTrue();
        assertThat(root.get("withheld").asText()).isEqualTo("erased");
        assertThat(root.get("author").get("id").asText()).isEqualTo("sealed-gone");
        assertThat(root.get("replyCount").asInt()).isEqualTo(1);
        assertThat(root.get("replies").get(0).get("body").asText()).isEqualTo("Svaret blir");
        String feed = get("/api/v1/topics/" + topic.topicId + "/events").body();
        assertThat(feed).contains("\"withheld\":{\"body\":\"erased\",\"authorName\":\"erased\"}")
                .doesNotContain("Borte for alltid").doesNotContain("Glemt Navn");
        assertThat(deadLetters(topic.topicId)).isZero();
    }

    @Test
    void aKeyEndpointThatIsDownMakesTheConsumerWaitNotParkNorGuess() throws Exception {
        DataKey ada = KEYS.newKey("sealed-ada");
        TestTopic topic = TestTopic.named("keys-down").sealedWith(Map.of("sealed-ada", ada)::get);
        topic.open("Keys down", "site", "Site");
        topic.comment("c1-" + topic.topicId, "Venter på nøkkelen", "sealed-ada", "Ada Lovelace");
        KEYS.down.set(true);
        try {
            publish(topic.envelopes());
            Thread.sleep(3_000);
            assertThat(appliedSequence(topic.topicId)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from parked_topic where topic_id = ?", Integer.class,
                    topic.topicId)).isZero();
            assertThat(deadLetters(topic.topicId)).isZero();
        } finally {
            KEYS.down.set(false);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> appliedSequence(topic.topicId) >= topic.lastSequence());
        JsonNode root = get("/api/v1/topics/" + topic.topicId + "/thread").json().get("items").get(0);
        assertThat(root.get("body").asText()).isEqualTo("Venter på nøkkelen");
        assertThat(root.get("withheld").isNull()).isTrue();
    }

    private int deadLetters(String topicId) {
        return jdbc.queryForObject("select count(*) from dead_letter where record_key = convert_to(?, 'UTF8')",
                Integer.class, topicId);
    }
}
