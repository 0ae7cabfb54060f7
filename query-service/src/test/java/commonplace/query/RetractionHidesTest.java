package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.EventEnvelope;
import commonplace.events.LinkOrigin;
import commonplace.events.CommentRetracted;
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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a retraction no anonymous answer holds any revision of the comment's text, the links in it or the reason
 * given: thread, comment, timeline, history, events feed, asOf at every instant, Atom, the live stream, the widget's
 * page. The tree and the counts stay; an admin reads the text with includeRetracted=true.
 */
class RetractionHidesTest extends QueryServiceTestBase {

    private static final String FIRST = "Zanzibar-kvittering-først";
    private static final String EDITED = "Zanzibar-kvittering-redigert";
    private static final String REPLY_TEXT = "Zanzibar-svar-trukket";
    private static final String REASON = "Zanzibar-begrunnelse";
    private static final String LINK_HOST = "zanzibar-privat.example";
    private static final String KEPT = "Denne teksten blir stående";

    @Test
    void noAnonymousAnswerHoldsARetractedTextAtAnyInstant() {
        TestTopic topic = TestTopic.named("retracted");
        String c1 = "c1-" + topic.topicId;
        String c2 = "c2-" + topic.topicId;
        String c3 = "c3-" + topic.topicId;
        topic.open("Retractions", "site", "Site");
        topic.comment(c1, FIRST + " først", "retr-ada", "Ada Lovelace");
        topic.edit(c1, 2, EDITED + " https://" + LINK_HOST + "/a", "retr-ada", "Ada Lovelace");
        topic.link("l1-" + topic.topicId, c1, LinkOrigin.BODY, "https://" + LINK_HOST + "/a",
                "https://" + LINK_HOST + "/a", LINK_HOST, "retr-ada", "Ada Lovelace");
        topic.reply(c2, c1, KEPT, "retr-bo", "Bø Ångström");
        topic.reply(c3, c1, REPLY_TEXT, "retr-bo", "Bø Ångström");
        topic.record(new CommentRetracted(topic.topicId, c3, REASON + " moderator", true, "retr-mod", "Moderator"));
        topic.record(new CommentRetracted(topic.topicId, c1, REASON + " own", false, "retr-ada", "Ada Lovelace"));
        publish(topic.envelopes());
        awaitApplied(topic.topicId, topic.lastSequence());

        List<String> answers = new ArrayList<>();
        answers.add(ok("/api/v1/topics/" + topic.topicId + "/thread"));
        answers.add(ok("/api/v1/topics/" + topic.topicId + "/thread?sort=newest"));
        answers.add(ok("/api/v1/comments/" + c1));
        answers.add(ok("/api/v1/comments/" + c3));
        answers.add(ok("/api/v1/topics/" + topic.topicId + "/timeline"));
        answers.add(ok("/api/v1/authors/retr-ada/history"));
        answers.add(ok("/api/v1/authors/retr-bo/history"));
        answers.add(ok("/api/v1/authors/retr-mod/history"));
        String feed = ok("/api/v1/topics/" + topic.topicId + "/events");
        answers.add(feed);
        answers.add(ok("/api/v1/topics/" + topic.topicId + "/feed.atom"));
        answers.add(ok("/api/v1/authors/retr-ada/feed.atom"));
        answers.add(ok("/api/v1/authors/retr-bo/feed.atom"));
        answers.add(ok("/t/" + topic.topicId));
        answers.add(streamUntilReady(topic.topicId));
        List<Instant> instants = new ArrayList<>();
        for (EventEnvelope envelope : topic.envelopes()) {
            instants.add(envelope.occurredAt());
            instants.add(envelope.occurredAt().plusMillis(500));
        }
        instants.add(Instant.parse("2099-01-01T00:00:00Z"));
        for (Instant instant : instants) {
            String asOf = ok("/api/v1/topics/" + topic.topicId + "/thread?asOf=" + encode(instant.toString()));
            answers.add(asOf);
        }
        for (String answer : answers) {
            assertThat(answer).doesNotContain("Zanzibar").doesNotContain(LINK_HOST);
        }

        // the feed: every event, the same sequences, the texts named as withheld
        List<JsonNode> lines = feed.lines().map(line -> jsonOf(line)).toList();
        assertThat(lines).extracting(line -> line.get("sequence").asLong())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(lines.get(1).get("payload").get("withheld").get("body").asText()).isEqualTo("retracted");
        assertThat(lines.get(3).get("payload").get("withheld").get("domain").asText()).isEqualTo("retracted");
        assertThat(lines.get(4).get("payload").get("body").asText()).isEqualTo(KEPT);
        assertThat(lines.get(6).get("payload").get("withheld").get("reason").asText()).isEqualTo("retracted");
        assertThat(lines.get(6).get("payload").has("reason")).isFalse();

        // the comment keeps its place as it was then, its text withheld; replies and counts stay
        JsonNode before = get("/api/v1/topics/" + topic.topicId + "/thread?asOf="
                + encode(topic.envelopes().get(4).occurredAt().toString())).json().get("items").get(0);
        assertThat(before.get("commentId").asText()).isEqualTo(c1);
        assertThat(before.get("retracted").asBoolean()).isFalse();
        assertThat(before.get("body").isNull()).isTrue();
        assertThat(before.get("withheld").asText()).isEqualTo("retracted");
        assertThat(before.get("links")).isEmpty();
        assertThat(before.get("replies").get(0).get("body").asText()).isEqualTo(KEPT);
        JsonNode now = get("/api/v1/topics/" + topic.topicId + "/thread").json().get("items").get(0);
        assertThat(now.get("replyCount").asInt()).isEqualTo(2);
        assertThat(now.get("replies")).hasSize(2);
        assertThat(now.get("withheld").asText()).isEqualTo("retracted");
        assertThat(get("/api/v1/comments/" + c1).json().get("revisions")).hasSize(2)
                .allSatisfy(revision -> assertThat(revision.get("withheld").asText()).isEqualTo("retracted"));
    }

    @Test
    void anAdminReadsRetractedTextOnlyByAskingForIt() {
        TestTopic topic = TestTopic.named("retracted-admin");
        String c1 = "c1-" + topic.topicId;
        topic.open("Admin", "site", "Site");
        topic.comment(c1, FIRST, "retr-ada", "Ada Lovelace");
        topic.retract(c1, false, "retr-ada", "Ada Lovelace");
        publish(topic.envelopes());
        awaitApplied(topic.topicId, topic.lastSequence());
        String events = "/api/v1/topics/" + topic.topicId + "/events?includeRetracted=true";
        String asOf = "/api/v1/topics/" + topic.topicId + "/thread?includeRetracted=true&asOf="
                + encode(topic.envelopes().get(1).occurredAt().toString());

        assertThat(getAsAdmin(events).body()).contains(FIRST).contains("no longer relevant");
        assertThat(getAsAdmin(asOf).body()).contains(FIRST);
        for (String path : List.of(events, asOf)) {
            Response anonymous = get(path);
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
            Response author = call("GET", path)
                    .token(TestTokens.mint("retr-ada", "Ada Lovelace", List.of(), Instant.now().plusSeconds(600))).send();
            assertThat(author.status()).isEqualTo(403);
            assertThat(author.body()).doesNotContain(FIRST);
            Response forged = call("GET", path).token(TestTokens.mint("other-secret-long-enough-for-hs256-x",
                    "ops", "Ops", List.of("admin"), Instant.now().plusSeconds(600))).send();
            assertThat(forged.status()).isEqualTo(401);
        }
        assertThat(get("/api/v1/topics/" + topic.topicId + "/events?includeRetracted=false").body())
                .doesNotContain(FIRST);
        assertThat(get("/api/v1/topics/" + topic.topicId + "/events?includeRetracted=yes").status()).isEqualTo(400);
        assertThat(getAsAdmin("/api/v1/topics/" + topic.topicId + "/thread?includeRetracted=true").status())
                .isEqualTo(400);
    }

    private String ok(String path) {
        Response response = get(path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode jsonOf(String line) {
        try {
            return commonplace.events.EventJson.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live stream resumed from the topic's first event: what it catches up on, up to its ready event. */
    private String streamUntilReady(String topicId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/topics/"
                        + topicId + "/stream")).header("Accept", "text/event-stream")
                .header("Last-Event-ID", new TestTopic(topicId, Instant.EPOCH).position(1)).timeout(Duration.ofSeconds(30))
                .GET().build();
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
            assertThat(seen.toString()).contains("CommentRetracted");
            return seen.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
