package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.EventEnvelope;
import commonplace.testing.http.Http.Response;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thread and timeline pages carry a strong ETag of the topic's state and the request: 304 for a client holding the
 * current one, a fresh page (never the cached one) as soon as any event of the topic is applied.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConditionalPagesTest extends QueryServiceTestBase {

    private final TestTopic topic = TestTopic.named("conditional");
    // comment ids are unique across topics, as the command service makes them
    private final String firstId = "c-first-" + topic.topicId;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    void publishATopic() {
        topic.open("Conditional reads", "ada", "Ada Lovelace");
        topic.comment(firstId, "First comment.", "ada", "Ada Lovelace");
        topic.comment("c-second-" + topic.topicId, "Second comment.", "bo", "Bø Ångström");
        topic.reply("c-reply-" + topic.topicId, firstId, "A reply.", "bo", "Bø Ångström");
        publish(topic.envelopes());
        awaitApplied(topic.topicId, topic.lastSequence());
    }

    @Test
    void aThreadPageIsNotModifiedUntilAnEventOfItsTopicIsApplied() {
        String page = "/api/v1/topics/" + topic.topicId + "/thread?sort=oldest&limit=10";
        Response first = get(page);
        assertThat(first.status()).isEqualTo(200);
        String etag = first.header("ETag");
        assertThat(etag).as("a strong entity tag").matches("\"[A-Za-z0-9_-]+\"");
        assertThat(first.header("Cache-Control")).contains("public").contains("no-cache");

        Response unchanged = getIfNoneMatch(page, etag);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo(etag);
        assertThat(getIfNoneMatch(page, "\"something-else\"", etag).status()).isEqualTo(304);

        // an edit changes neither order nor counts, only one body: the page of the old state must not survive it
        EventEnvelope edit = topic.edit(firstId, 2, "First comment, corrected.", "ada", "Ada Lovelace");
        publish(List.of(edit));
        Response changed = getIfNoneMatch(page + "&consistentWith=" + encode(topic.position(edit.sequence())), etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(bodyOf(changed.json(), firstId)).isEqualTo("First comment, corrected.");
        assertThat(bodyOf(get(page).json(), firstId)).isEqualTo("First comment, corrected.");
        assertThat(get(page).header("ETag")).isEqualTo(changed.header("ETag"));
    }

    @Test
    void everyPageOfATopicHasAnEntityTagOfItsOwn() {
        awaitApplied(topic.topicId, topic.lastSequence());
        String thread = "/api/v1/topics/" + topic.topicId + "/thread";
        String oldest = etagOf(thread + "?sort=oldest&limit=10");
        String newest = etagOf(thread + "?sort=newest&limit=10");
        String firstOfOne = etagOf(thread + "?sort=oldest&limit=1");
        String secondOfOne = etagOf(thread + "?sort=oldest&limit=1&cursor="
                + encode(get(thread + "?sort=oldest&limit=1").json().get("nextCursor").asText()));
        String asOf = etagOf(thread + "?sort=oldest&limit=10&asOf=2030-01-01T00:00:00Z");
        String timeline = etagOf("/api/v1/topics/" + topic.topicId + "/timeline?limit=10");

        assertThat(List.of(oldest, newest, firstOfOne, secondOfOne, asOf, timeline)).doesNotHaveDuplicates();
        assertThat(getIfNoneMatch(thread + "?sort=newest&limit=10", oldest).status()).isEqualTo(200);
        // consistentWith only waits; it does not change the page
        assertThat(etagOf(thread + "?sort=oldest&limit=10&consistentWith=" + encode(topic.position(1))))
                .isEqualTo(oldest);
    }

    @Test
    void repeatedReadsOfAnUnchangedPageAreServedFromTheRenderedPages() {
        awaitApplied(topic.topicId, topic.lastSequence());
        String page = "/api/v1/topics/" + topic.topicId + "/thread?sort=newest&limit=3";
        String rendered = get(page).body();
        double hitsBefore = pageCacheHits();

        assertThat(get(page).body()).isEqualTo(rendered);
        assertThat(get(page).body()).isEqualTo(rendered);
        assertThat(pageCacheHits() - hitsBefore).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aTimelineAndAnAsOfPageFollowTheirTopicToo() {
        TestTopic growing = TestTopic.named("conditional-growing");
        growing.open("Growing", "ada", "Ada Lovelace");
        String early = "c-early-" + growing.topicId;
        String late = "c-late-" + growing.topicId;
        growing.comment(early, "Early.", "ada", "Ada Lovelace");
        publish(growing.envelopes());
        awaitApplied(growing.topicId, growing.lastSequence());
        String timeline = "/api/v1/topics/" + growing.topicId + "/timeline?limit=10";
        String asOf = "/api/v1/topics/" + growing.topicId + "/thread?asOf=2030-01-01T00:00:00Z";
        Response timelineBefore = get(timeline);
        Response asOfBefore = get(asOf);
        assertThat(getIfNoneMatch(timeline, timelineBefore.header("ETag")).status()).isEqualTo(304);
        assertThat(getIfNoneMatch(asOf, asOfBefore.header("ETag")).status()).isEqualTo(304);

        // an event that happened before the asOf instant but was applied after the first read
        EventEnvelope lateComment = growing.comment(late, "Late.", "bo", "Bø Ångström");
        publish(List.of(lateComment));
        awaitApplied(growing.topicId, lateComment.sequence());

        Response timelineAfter = getIfNoneMatch(timeline, timelineBefore.header("ETag"));
        assertThat(timelineAfter.status()).isEqualTo(200);
        assertThat(timelineAfter.json().get("items")).hasSize(3);
        Response asOfAfter = getIfNoneMatch(asOf, asOfBefore.header("ETag"));
        assertThat(asOfAfter.status()).isEqualTo(200);
        assertThat(ids(asOfAfter.json().get("items"))).containsExactly(early, late);
    }

    @Test
    void anUnknownTopicIsStillA404Problem() {
        Response answer = get("/api/v1/topics/no-such-topic-" + System.nanoTime() + "/thread");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("ETag")).isNull();
    }

    private String etagOf(String pathAndQuery) {
        Response answer = get(pathAndQuery);
        assertThat(answer.status()).as(pathAndQuery + ": " + answer).isEqualTo(200);
        assertThat(answer.header("ETag")).as(pathAndQuery).isNotNull();
        return answer.header("ETag");
    }

    private Response getIfNoneMatch(String pathAndQuery, String... etags) {
        return call("GET", pathAndQuery).header("If-None-Match", String.join(", ", etags)).send();
    }

    private double pageCacheHits() {
        FunctionCounter hits = meters.find("cache.gets").tag("cache", "topic-pages").tag("result", "hit")
                .functionCounter();
        return hits == null ? 0 : hits.count();
    }

    private static String bodyOf(JsonNode page, String commentId) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(comment -> comment.get("commentId").asText().equals(commentId))
                .findFirst().orElseThrow().get("body").asText();
    }

    private static List<String> ids(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.get("commentId").asText()).toList();
    }
}
