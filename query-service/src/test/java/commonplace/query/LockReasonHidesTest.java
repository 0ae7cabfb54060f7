package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.EventEnvelope;
import commonplace.events.EventJson;
import commonplace.events.TopicLocked;
import commonplace.events.privacy.DataKey;
import commonplace.testing.http.Http.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lock reason is a moderator's text that is never public: no anonymous answer holds it (events feed, topic, topics
 * list, thread, asOf at every instant, timeline, histories, Atom, the live stream, the page), whether the lock arrived
 * in plaintext or sealed. The feed keeps the envelope, its sequence and every other field, and names the reason in
 * {@code withheld} as {@code private}; an admin reads it with includeRetracted=true.
 */
class LockReasonHidesTest extends QueryServiceTestBase {

    private static final TestKeyServer KEYS = TestKeyServer.shared();
    private static final String MARK = "Quokkaforbehold";

    @Test
    void noAnonymousAnswerHoldsAPlaintextLockReason() {
        TestTopic topic = TestTopic.named("lockreason");
        lockedTwice(topic, MARK + " kun for moderatorer");
        assertWithheldEverywhere(topic);
        assertThat(getAsAdmin("/api/v1/topics/" + topic.topicId + "/events?includeRetracted=true").body())
                .contains(MARK + " kun for moderatorer");
    }

    @Test
    void noAnonymousAnswerHoldsASealedLockReason() {
        DataKey mod = KEYS.newKey("lock-mod");
        TestTopic topic = TestTopic.named("lockreason-sealed").sealedWith(Map.of("lock-mod", mod)::get);
        lockedTwice(topic, MARK + " forseglet");
        assertWithheldEverywhere(topic);
        String adminFeed = getAsAdmin("/api/v1/topics/" + topic.topicId + "/events?includeRetracted=true").body();
        assertThat(adminFeed).contains(MARK + " forseglet").doesNotContain("\"encrypted\"");
    }

    @Test
    void aLongestOddLockReasonIsWithheldToo() {
        // the longest reason the schema allows, with what could break out of JSON, NDJSON lines, HTML or XML
        String odd = MARK + "\n{\"reason\":\"" + MARK + "\"}\r\n</script><![CDATA[" + MARK + "]]>\u2028\u00e5 ✓ ";
        StringBuilder reason = new StringBuilder(odd);
        while (reason.length() < 1000) {
            reason.append(MARK.charAt(reason.length() % MARK.length()));
        }
        TestTopic topic = TestTopic.named("lockreason-odd");
        lockedTwice(topic, reason.substring(0, 1000));
        assertWithheldEverywhere(topic);
    }

    /** A topic with a comment, locked with the reason, unlocked, and locked again with it. */
    private void lockedTwice(TestTopic topic, String reason) {
        topic.open("Locked", "site", "Site");
        topic.comment("c1-" + topic.topicId, "Et synlig innlegg", "lock-ada", "Ada Lovelace");
        topic.record(new TopicLocked(topic.topicId, reason, "lock-mod", "Moderator"));
        topic.unlock("lock-mod", "Moderator");
        topic.record(new TopicLocked(topic.topicId, reason, "lock-mod", "Moderator"));
        publish(topic.envelopes());
        awaitApplied(topic.topicId, topic.lastSequence());
    }

    private void assertWithheldEverywhere(TestTopic topic) {
        String id = topic.topicId;
        String feed = ok("/api/v1/topics/" + id + "/events");
        List<String> answers = new ArrayList<>(List.of(feed,
                ok("/api/v1/topics/" + id + "/events?after=" + encode(topic.position(2))),
                ok("/api/v1/topics/" + id),
                ok("/api/v1/topics"),
                ok("/api/v1/topics/" + id + "/thread"),
                ok("/api/v1/topics/" + id + "/timeline"),
                ok("/api/v1/authors/lock-mod/history"),
                ok("/api/v1/topics/" + id + "/feed.atom"),
                ok("/api/v1/authors/lock-mod/feed.atom"),
                ok("/t/" + id),
                streamUntilReady(topic)));
        for (EventEnvelope envelope : topic.envelopes()) {
            answers.add(ok("/api/v1/topics/" + id + "/thread?asOf=" + encode(envelope.occurredAt().toString())));
        }
        answers.add(ok("/api/v1/topics/" + id + "/thread?asOf=2099-01-01T00:00:00Z"));
        for (String answer : answers) {
            assertThat(answer).doesNotContain(MARK);
        }
        assertThat(get("/api/v1/topics/" + id).json().get("locked").asBoolean()).isTrue();

        // every envelope, the same sequences; each lock keeps its fields and names its reason as private
        List<JsonNode> lines = feed.lines().map(LockReasonHidesTest::jsonOf).toList();
        assertThat(lines).extracting(line -> line.get("sequence").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
        for (int index : new int[] {2, 4}) {
            JsonNode lock = lines.get(index);
            assertThat(lock.get("type").asText()).isEqualTo("TopicLocked");
            assertThat(lock.get("eventId").asText()).isEqualTo(topic.envelopes().get(index).eventId());
            assertThat(lock.get("payload").has("reason")).isFalse();
            assertThat(lock.get("payload").get("withheld").get("reason").asText()).isEqualTo("private");
            assertThat(lock.get("payload").get("authorName").asText()).isEqualTo("Moderator");
            assertThat(lock.get("payload").get("topicId").asText()).isEqualTo(id);
        }
        assertThat(lines.get(1).get("payload").get("body").asText()).isEqualTo("Et synlig innlegg");
    }

    private String ok(String path) {
        Response response = get(path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode jsonOf(String line) {
        try {
            return EventJson.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live stream resumed from the topic's first event: what it catches up on, up to its ready event. */
    private String streamUntilReady(TestTopic topic) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/topics/"
                        + topic.topicId + "/stream")).header("Accept", "text/event-stream")
                .header("Last-Event-ID", topic.position(1)).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofLines());
            StringBuilder seen = new StringBuilder();
            try (Stream<String> body = response.body()) {
                Iterator<String> lines = body.iterator();
                while (lines.hasNext()) {
                    String line = lines.next();
                    seen.append(line).append('\n');
                    if (line.equals("event:ready")) {
                        break;
                    }
                }
            }
            assertThat(seen.toString()).contains("TopicLocked");
            return seen.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
