package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.EventEnvelope;
import commonplace.events.LinkOrigin;
import commonplace.testing.http.Http.Response;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A whole discussion published to Kafka and read back through every query endpoint. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadBackTest extends QueryServiceTestBase {

    static final String ROOT_BODY = "Flott episode! Se https://example.com/fjell\n\nAndre avsnitt med “sitater”, æøå og 🎉";
    static final String EDITED_BODY = "Flott episode! Se https://example.org/ny\n\nRettet: «Fjellet» er høyt.";
    static final String DEEP_BODY = "Tredje nivå.\r\n\r\n\tInnrykket linje – med “anførsel” 👍🏽";

    private final TestTopic topic = new TestTopic("episode-90-" + System.nanoTime(), Instant.parse("2026-11-25T04:05:06Z"));
    private final TestTopic other = new TestTopic("episode-91-" + System.nanoTime(), Instant.parse("2026-11-26T10:00:00.5Z"));

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    void publishADiscussion() {
        topic.open("Episode 90: «Fjellet» – æøå", "ada", "Ada Lovelace");                      // 1
        topic.comment("c-root", ROOT_BODY, "ada", "Ada Lovelace");                               // 2
        topic.link("s-1", "c-root", LinkOrigin.BODY, "https://example.com/fjell",
                "https://example.com/fjell", "example.com", "ada", "Ada Lovelace");             // 3
        topic.reply("c-reply", "c-root", "Enig – veldig bra.", "bo", "Bø Ångström");             // 4
        topic.reply("c-deep", "c-reply", DEEP_BODY, "kari", "Kari Nordmann");                    // 5
        topic.comment("c-second", "Andre rotkommentar.", "kari", "Kari Nordmann");              // 6
        topic.reply("c-late", "c-root", "Sent svar.", "ola", "Ola");                            // 7
        topic.edit("c-root", 2, EDITED_BODY, "ada", "Ada Lovelace");                            // 8
        topic.link("s-2", "c-root", LinkOrigin.BODY, "https://example.org/ny",
                "https://example.org/ny", "example.org", "ada", "Ada Lovelace");                // 9
        topic.retract("c-reply", false, "bo", "Bø Ångström");                                   // 10
        topic.link("s-3", "c-second", LinkOrigin.SHARE, "https://NRK.no/p3#lytt", "https://nrk.no/p3",
                "nrk.no", "ada", "Ada Lovelace");                                                // 11
        topic.link("s-4", null, LinkOrigin.SHARE, "https://vg.no/", "https://vg.no/", "vg.no", "bo",
                "Bø Ångström");                                                                  // 12
        topic.lock("mod", "Moderator");                                                          // 13
        topic.unlock("mod", "Moderator");                                                        // 14
        other.open("Episode 91", "kari", "Kari Nordmann");
        other.comment("c-other", "I en annen tråd.", "ada", "Ada Lovelace");
        publish(topic.envelopes());
        publish(other.envelopes());
    }

    @Test
    void theThreadShowsTheTreeWithEditsAndRetractionsByteExact() {
        Response answer = get("/api/v1/topics/" + topic.topicId + "/thread?consistentWith="
                + encode(topic.position(topic.lastSequence())));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.header("X-Commonplace-Stale")).isNull();
        JsonNode items = answer.json().get("items");
        assertThat(ids(items)).containsExactly("c-root", "c-second");
        assertThat(answer.json().get("nextCursor").isNull()).isTrue();

        JsonNode root = items.get(0);
        assertThat(root.get("body").asText()).isEqualTo(EDITED_BODY);
        assertThat(root.get("parentId").isNull()).isTrue();
        assertThat(root.get("author").get("id").asText()).isEqualTo("ada");
        assertThat(root.get("author").get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(root.get("createdAt").asText()).isEqualTo("2026-11-25T04:05:07.000Z");
        assertThat(root.get("editedAt").asText()).isEqualTo("2026-11-25T04:05:13.000Z");
        assertThat(root.get("revision").asInt()).isEqualTo(2);
        assertThat(root.get("retracted").asBoolean()).isFalse();
        assertThat(root.get("replyCount").asInt()).isEqualTo(2);
        // the edit dropped example.com/fjell from the body
        assertThat(values(root.get("links"), "normalizedUrl")).containsExactly("https://example.org/ny");
        assertThat(values(root.get("links"), "domain")).containsExactly("example.org");
        assertThat(ids(root.get("replies"))).containsExactly("c-reply", "c-late");

        JsonNode retracted = root.get("replies").get(0);
        assertThat(retracted.get("retracted").asBoolean()).isTrue();
        assertThat(retracted.get("body").isNull()).isTrue();
        assertThat(retracted.get("parentId").asText()).isEqualTo("c-root");
        assertThat(retracted.get("author").get("name").asText()).isEqualTo("Bø Ångström");
        assertThat(retracted.get("links")).isEmpty();
        assertThat(retracted.get("replyCount").asInt()).isEqualTo(1);

        JsonNode deep = retracted.get("replies").get(0);
        assertThat(deep.get("commentId").asText()).isEqualTo("c-deep");
        assertThat(deep.get("body").asText()).isEqualTo(DEEP_BODY);
        assertThat(deep.get("editedAt").isNull()).isTrue();
        assertThat(deep.get("replies")).isEmpty();

        JsonNode second = items.get(1);
        assertThat(second.get("replies")).isEmpty();
        assertThat(values(second.get("links"), "url")).containsExactly("https://NRK.no/p3#lytt");
        assertThat(values(second.get("links"), "normalizedUrl")).containsExactly("https://nrk.no/p3");
    }

    @Test
    void rootCommentsPageInBothOrders() {
        awaitApplied(topic.topicId, topic.lastSequence());
        String thread = "/api/v1/topics/" + topic.topicId + "/thread";
        assertThat(ids(get(thread + "?sort=newest").json().get("items"))).containsExactly("c-second", "c-root");

        JsonNode first = get(thread + "?sort=oldest&limit=1").json();
        assertThat(ids(first.get("items"))).containsExactly("c-root");
        JsonNode second = get(thread + "?sort=oldest&limit=1&cursor=" + encode(first.get("nextCursor").asText())).json();
        assertThat(ids(second.get("items"))).containsExactly("c-second");
        assertThat(second.get("nextCursor").isNull()).isTrue();

        JsonNode newestFirst = get(thread + "?sort=newest&limit=1").json();
        JsonNode newestNext = get(thread + "?sort=newest&limit=1&cursor="
                + encode(newestFirst.get("nextCursor").asText())).json();
        assertThat(ids(newestNext.get("items"))).containsExactly("c-root");
    }

    @Test
    void aCommentCarriesItsWholeEditHistory() {
        awaitApplied(topic.topicId, topic.lastSequence());
        JsonNode root = get("/api/v1/comments/c-root").json();
        assertThat(root.get("topicId").asText()).isEqualTo(topic.topicId);
        assertThat(root.get("body").asText()).isEqualTo(EDITED_BODY);
        assertThat(root.get("replyCount").asInt()).isEqualTo(2);
        assertThat(root.has("replies")).isFalse();
        JsonNode revisions = root.get("revisions");
        assertThat(values(revisions, "revision")).containsExactly("1", "2");
        assertThat(revisions.get(0).get("body").asText()).isEqualTo(ROOT_BODY);
        assertThat(revisions.get(0).get("at").asText()).isEqualTo("2026-11-25T04:05:07.000Z");
        assertThat(revisions.get(1).get("body").asText()).isEqualTo(EDITED_BODY);

        JsonNode retracted = get("/api/v1/comments/c-reply").json();
        assertThat(retracted.get("retracted").asBoolean()).isTrue();
        assertThat(retracted.get("body").isNull()).isTrue();
        assertThat(retracted.get("revisions")).hasSize(1);
        assertThat(retracted.get("revisions").get(0).get("body").isNull()).isTrue();
        assertThat(retracted.get("revisions").get(0).get("withheld").asText()).isEqualTo("retracted");

        // never edited: its one revision is what its row holds, at the time it was posted
        JsonNode unedited = get("/api/v1/comments/c-second").json();
        assertThat(unedited.get("revisions")).hasSize(1);
        JsonNode original = unedited.get("revisions").get(0);
        assertThat(original.get("revision").asInt()).isEqualTo(1);
        assertThat(original.get("body").asText()).isEqualTo(unedited.get("body").asText()).isNotBlank();
        assertThat(original.get("at").asText()).isEqualTo(unedited.get("createdAt").asText());
        assertThat(original.get("withheld").isNull()).isTrue();
    }

    @Test
    void theTimelineHoldsEveryActivityOldestFirstAndPagesByPosition() {
        awaitApplied(topic.topicId, topic.lastSequence());
        String timeline = "/api/v1/topics/" + topic.topicId + "/timeline";
        JsonNode all = get(timeline + "?limit=500").json();
        JsonNode items = all.get("items");
        assertThat(all.get("nextCursor").isNull()).isTrue();
        assertThat(values(items, "type")).containsExactly("TopicOpened", "CommentPosted", "LinkShared", "ReplyPosted",
                "ReplyPosted", "CommentPosted", "ReplyPosted", "CommentEdited", "LinkShared", "CommentRetracted",
                "LinkShared", "LinkShared", "TopicLocked", "TopicUnlocked");
        assertThat(values(items, "summary")).containsExactly("opened “Episode 90: «Fjellet» – æøå”",
                "commented: Flott episode! Se https://example.com/fjell Andre avsnitt med “sitater”, æøå og 🎉",
                "shared example.com", "replied to c-root",
                "replied to c-reply: Tredje nivå. Innrykket linje – med “anførsel” 👍🏽",
                "commented: Andre rotkommentar.", "replied to c-root: Sent svar.", "edited (revision 2)",
                "shared example.org", "retracted", "shared nrk.no", "shared vg.no", "locked", "unlocked");
        assertThat(items.get(0).get("position").asText()).isEqualTo(topic.position(1));
        assertThat(items.get(3).get("commentId").asText()).isEqualTo("c-reply");
        assertThat(items.get(3).get("author").get("id").asText()).isEqualTo("bo");
        assertThat(items.get(0).get("at").asText()).isEqualTo("2026-11-25T04:05:06.000Z");

        List<String> paged = new ArrayList<>();
        String url = timeline + "?limit=4";
        for (int page = 0; page < 10; page++) {
            JsonNode answer = get(url).json();
            answer.get("items").forEach(item -> paged.add(item.get("position").asText()));
            if (answer.get("nextCursor").isNull()) {
                break;
            }
            url = timeline + "?limit=4&after=" + encode(answer.get("nextCursor").asText());
        }
        assertThat(paged).containsExactlyElementsOf(values(items, "position"));
    }

    @Test
    void anAuthorHistorySpansTopicsNewestFirst() {
        awaitApplied(topic.topicId, topic.lastSequence());
        awaitApplied(other.topicId, other.lastSequence());
        String history = "/api/v1/authors/ada/history";
        List<JsonNode> entries = new ArrayList<>();
        String url = history + "?limit=2";
        for (int page = 0; page < 20; page++) {
            JsonNode answer = get(url).json();
            answer.get("items").forEach(entries::add);
            if (answer.get("nextCursor").isNull()) {
                break;
            }
            url = history + "?limit=2&cursor=" + encode(answer.get("nextCursor").asText());
        }
        List<String> mine = entries.stream()
                .filter(entry -> List.of(topic.topicId, other.topicId).contains(entry.get("topicId").asText()))
                .map(entry -> entry.get("topicId").asText().equals(other.topicId) ? "other:" + entry.get("type").asText()
                        : entry.get("type").asText())
                .toList();
        assertThat(mine).containsExactly("other:CommentPosted", "LinkShared", "LinkShared", "CommentEdited",
                "LinkShared", "CommentPosted", "TopicOpened");
        List<Instant> at = entries.stream().map(entry -> Instant.parse(entry.get("at").asText())).toList();
        assertThat(at).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(entries).allSatisfy(entry -> assertThat(entry.get("author").get("id").asText()).isEqualTo("ada"));
        assertThat(entries.get(0).get("at").asText()).isEqualTo("2026-11-26T10:00:01.500Z");
    }

    @Test
    void topicsListTheMostRecentlyActiveFirst() {
        awaitApplied(topic.topicId, topic.lastSequence());
        awaitApplied(other.topicId, other.lastSequence());
        JsonNode summary = get("/api/v1/topics/" + topic.topicId).json();
        assertThat(summary.get("title").asText()).isEqualTo("Episode 90: «Fjellet» – æøå");
        assertThat(summary.get("url").asText()).isEqualTo("https://Podcast.example.no/" + topic.topicId);
        // c-root, c-deep, c-second, c-late; c-reply is retracted
        assertThat(summary.get("commentCount").asInt()).isEqualTo(4);
        assertThat(summary.get("locked").asBoolean()).isFalse();
        assertThat(summary.get("lastActivityAt").asText()).isEqualTo("2026-11-25T04:05:19.000Z");
        assertThat(summary.get("openedBy").get("id").asText()).isEqualTo("ada");

        List<String> listed = new ArrayList<>();
        String url = "/api/v1/topics?limit=1";
        for (int page = 0; page < 100; page++) {
            JsonNode answer = get(url).json();
            answer.get("items").forEach(item -> listed.add(item.get("topicId").asText()));
            if (answer.get("nextCursor").isNull()) {
                break;
            }
            url = "/api/v1/topics?limit=1&cursor=" + encode(answer.get("nextCursor").asText());
        }
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(listed.indexOf(other.topicId)).isLessThan(listed.indexOf(topic.topicId)).isNotNegative();
    }

    @Test
    void theEventFeedIsTheKafkaJsonLineByLine() {
        awaitApplied(topic.topicId, topic.lastSequence());
        Response feed = get("/api/v1/topics/" + topic.topicId + "/events");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("application/x-ndjson");
        List<String> expected = topic.envelopes().stream()
                .map(envelope -> new String(envelope.toJsonBytes(), StandardCharsets.UTF_8)).toList();
        String[] lines = feed.body().split("\n");
        assertThat(lines).hasSameSizeAs(expected);
        for (int i = 0; i < lines.length; i++) {
            EventEnvelope line = EventEnvelope.fromJson(lines[i].getBytes(StandardCharsets.UTF_8));
            if (i + 1 == 4 || i + 1 == 10) {
                // the retracted reply and its retraction: the same envelope, its text and reason withheld
                assertThat(line.eventId()).isEqualTo(topic.envelopes().get(i).eventId());
                assertThat(line.payload().get("withheld").fieldNames()).toIterable()
                        .containsExactly(i + 1 == 4 ? "body" : "reason");
                assertThat(lines[i]).doesNotContain(i + 1 == 4 ? "Enig" : "no longer relevant");
            } else if (i + 1 == 13) {
                // the lock: the same envelope, its reason never public
                assertThat(line.eventId()).isEqualTo(topic.envelopes().get(i).eventId());
                assertThat(line.payload().get("withheld").get("reason").asText()).isEqualTo("private");
                assertThat(lines[i]).doesNotContain("heated");
            } else {
                assertThat(lines[i]).isEqualTo(expected.get(i));
            }
        }

        Response rest = get("/api/v1/topics/" + topic.topicId + "/events?after=" + encode(topic.position(12)));
        assertThat(rest.body().lines().map(line -> EventEnvelope.fromJson(line.getBytes(StandardCharsets.UTF_8)))
                .map(EventEnvelope::sequence)).containsExactly(13L, 14L);
    }

    @Test
    void consistentWithWaitsForTheEventItNames() {
        TestTopic waiting = TestTopic.named("waiting");
        waiting.open("Waiting", "ada", "Ada");
        publish(waiting.envelopes());
        awaitApplied(waiting.topicId, 1);
        EventEnvelope comment = waiting.comment("c-awaited", "Here now", "ada", "Ada");

        CompletableFuture<Response> read = CompletableFuture.supplyAsync(() -> get("/api/v1/topics/" + waiting.topicId
                + "/thread?consistentWith=" + encode(waiting.position(comment.sequence()))));
        await().atMost(Duration.ofSeconds(3)).until(() -> meters.get("commonplace.consistency.waiting").gauge().value() >= 1);
        publish(List.of(comment));

        Response answer = read.join();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Commonplace-Stale")).isNull();
        assertThat(ids(answer.json().get("items"))).containsExactly("c-awaited");
    }

    @Test
    void consistentWithAnswersStaleWhenTheEventDoesNotArriveInTime() {
        awaitApplied(topic.topicId, topic.lastSequence());
        long started = System.nanoTime();
        Response answer = get("/api/v1/topics/" + topic.topicId + "?consistentWith=" + encode(topic.position(999)));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Commonplace-Stale")).isEqualTo("true");
        assertThat(answer.json().get("topicId").asText()).isEqualTo(topic.topicId);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void badInputIsA400ProblemAndUnknownThingsA404() {
        awaitApplied(topic.topicId, topic.lastSequence());
        String thread = "/api/v1/topics/" + topic.topicId + "/thread";
        assertInvalid(thread + "?limit=0", "limit");
        assertInvalid(thread + "?limit=501", "limit");
        assertInvalid(thread + "?limit=many", "limit");
        assertInvalid(thread + "?sort=sideways", "sort");
        assertInvalid(thread + "?cursor=bm90LWEtY3Vyc29y", "cursor");
        assertInvalid(thread + "?cursor=%25%25%25", "cursor");
        assertInvalid(thread + "?asOf=yesterday", "asOf");
        String topicsCursor = get("/api/v1/topics?limit=1").json().get("nextCursor").asText();
        assertInvalid(thread + "?cursor=" + encode(topicsCursor), "cursor");
        assertInvalid("/api/v1/topics?cursor=djF8dG9waWNzfG5vdC1hLW51bWJlcnx4", "cursor");
        assertInvalid("/api/v1/topics/" + topic.topicId + "/timeline?after=garbage", "after");
        assertInvalid("/api/v1/topics/" + topic.topicId + "/timeline?after=" + encode(other.position(1)), "after");
        assertInvalid("/api/v1/authors/ada/history?cursor=" + encode(topicsCursor), "cursor");
        assertInvalid("/api/v1/authors/ada/history?limit=-3", "limit");
        assertInvalid("/api/v1/topics/" + encode("bad topic!") + "/thread", "topicId");
        assertInvalid("/api/v1/comments/" + encode("not@comment"), "commentId");
        assertInvalid("/api/v1/authors/" + encode("who?") + "/history", "authorId");
        assertInvalid("/api/v1/topics/" + topic.topicId + "?consistentWith=nonsense", "consistentWith");

        for (String missing : List.of("/api/v1/topics/no-such-topic", "/api/v1/topics/no-such-topic/thread",
                "/api/v1/topics/no-such-topic/timeline", "/api/v1/topics/no-such-topic/events",
                "/api/v1/comments/no-such-comment", "/api/v1/authors/nobody-at-all/history", "/api/v1/no/such/path")) {
            Response answer = get(missing);
            assertThat(answer.status()).as(missing).isEqualTo(404);
            assertProblem(answer, "urn:commonplace:problem:not-found");
        }
    }

    @Test
    void writesNeedAValidTokenAndSayWhyInProblemJson() {
        Response unauthenticated = call("POST", "/api/v1/admin/projections/rebuild").send();
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertProblem(unauthenticated, "urn:commonplace:problem:unauthorized");

        Response forged = call("POST", "/api/v1/admin/projections/rebuild").token("not.a.token").send();
        assertThat(forged.status()).isEqualTo(401);
        assertProblem(forged, "urn:commonplace:problem:unauthorized");

        // reads ignore tokens entirely, even broken ones
        Response read = call("GET", "/api/v1/topics").token("not.a.token").send();
        assertThat(read.status()).isEqualTo(200);
    }

    @Test
    void projectionStatusAndMetricsShowPositionLagAndDeadLetters() {
        awaitApplied(topic.topicId, topic.lastSequence());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = getAsAdmin("/api/v1/admin/projections").json();
            assertThat(status.get("state").asText()).isEqualTo("live");
            assertThat(status.get("kafkaReachable").asBoolean()).isTrue();
            assertThat(values(status.get("readModels"), "name")).containsExactlyInAnyOrder("threads", "topics",
                    "activities", "eventLog", "erasures");
            JsonNode threads = status.get("readModels").get(0);
            assertThat(threads.get("lagEvents").asLong()).isZero();
            assertThat(threads.get("lagMillis").asLong()).isZero();
            assertThat(threads.get("position").get("appliedEvents").asLong())
                    .isGreaterThanOrEqualTo(topic.lastSequence() + other.lastSequence());
            assertThat(threads.get("position").get("partitions")).hasSize(3);
            assertThat(status.has("deadLetters")).isTrue();
        });
        String prometheus = getAsAdmin("/actuator/prometheus").body();
        assertThat(prometheus).contains("commonplace_projection_lag_events{readModel=\"threads\"} 0.0")
                .contains("commonplace_projection_lag_millis{readModel=\"activities\"}")
                .contains("commonplace_projection_applied_events{readModel=\"activities\"}")
                .contains("commonplace_deadletters ");
    }

    private void assertInvalid(String pathAndQuery, String field) {
        Response answer = get(pathAndQuery);
        assertThat(answer.status()).as(pathAndQuery + " -> " + answer).isEqualTo(400);
        assertProblem(answer, null);
        assertThat(values(answer.json().get("errors"), "field")).as(pathAndQuery).containsExactly(field);
    }

    private static void assertProblem(Response answer, String type) {
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).startsWith("urn:commonplace:problem:");
        if (type != null) {
            assertThat(problem.get("type").asText()).isEqualTo(type);
        }
        assertThat(problem.get("status").asInt()).isEqualTo(answer.status());
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at commonplace.");
    }

    static List<String> ids(JsonNode items) {
        return values(items, "commentId");
    }

    static List<String> values(JsonNode items, String field) {
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.get(field).asText()).toList();
    }
}
