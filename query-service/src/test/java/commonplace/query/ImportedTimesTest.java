package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.CommentPosted;
import commonplace.events.Imported;
import commonplace.events.ReplyPosted;
import commonplace.events.TopicOpened;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;

import static commonplace.query.ReadBackTest.ids;
import static commonplace.query.ReadBackTest.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imported items are shown by the source's time, not by when they were recorded: in the thread, the timeline and an
 * author's history; and {@code asOf} treats them as existing from their source time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportedTimesTest extends QueryServiceTestBase {

    // recorded in 2026, written in 2019
    private final TestTopic topic = new TestTopic("imported-" + System.nanoTime(), Instant.parse("2026-11-25T04:05:06Z"));

    @BeforeAll
    void publishAnImportedDiscussion() {
        topic.record(new TopicOpened(topic.topicId, "Episode 90", "https://fjellpodden.example.no/episoder/90/",
                "https://fjellpodden.example.no/episoder/90", null, "site-admin", "Site Admin",
                imported("7001", "2019-03-01T18:00:00Z")));
        topic.record(new CommentPosted(topic.topicId, "imp-root", "Nydelig episode!", "no", "disqus.kari_nordmann",
                "Kari Nordmann", imported("9001", "2019-03-01T19:02:03Z")));
        topic.record(new ReplyPosted(topic.topicId, "imp-reply", "imp-root", "Takk, Kari!", "disqus.fjellpodden",
                "Fjellpodden", imported("9002", "2019-03-01T19:30:00Z")));
        topic.comment("native", "Skrevet her, i 2026.", "disqus.kari_nordmann", "Kari Nordmann");
        publish(topic.envelopes());
        awaitApplied(topic.topicId, topic.lastSequence());
    }

    @Test
    void theThreadShowsTheSourceTimes() {
        JsonNode items = get("/api/v1/topics/" + topic.topicId + "/thread").json().get("items");
        assertThat(ids(items)).containsExactly("imp-root", "native");
        assertThat(items.get(0).get("createdAt").asText()).isEqualTo("2019-03-01T19:02:03.000Z");
        assertThat(items.get(0).get("replies").get(0).get("createdAt").asText()).isEqualTo("2019-03-01T19:30:00.000Z");
        assertThat(items.get(1).get("createdAt").asText()).isEqualTo("2026-11-25T04:05:09.000Z");
    }

    @Test
    void theTimelineAndTheAuthorHistoryShowTheSourceTimes() {
        JsonNode timeline = get("/api/v1/topics/" + topic.topicId + "/timeline").json().get("items");
        assertThat(values(timeline, "at")).containsExactly("2019-03-01T18:00:00.000Z", "2019-03-01T19:02:03.000Z",
                "2019-03-01T19:30:00.000Z", "2026-11-25T04:05:09.000Z");

        JsonNode history = get("/api/v1/authors/disqus.kari_nordmann/history").json().get("items");
        assertThat(values(history, "at")).containsExactly("2026-11-25T04:05:09.000Z", "2019-03-01T19:02:03.000Z");
    }

    @Test
    void asOfTreatsAnImportedCommentAsExistingFromItsSourceTime() {
        String thread = "/api/v1/topics/" + topic.topicId + "/thread?asOf=";
        JsonNode between = get(thread + "2019-03-01T19:10:00Z").json().get("items");
        assertThat(ids(between)).containsExactly("imp-root");
        assertThat(between.get(0).get("replies")).isEmpty();
        assertThat(ids(get(thread + "2019-03-01T18:30:00Z").json().get("items"))).isEmpty();
        assertThat(get(thread + "2019-03-01T17:59:59Z").status()).isEqualTo(404);
        assertThat(ids(get(thread + "2020-01-01T00:00:00Z").json().get("items"))).containsExactly("imp-root");
    }

    private static Imported imported(String sourceId, String at) {
        return new Imported("disqus", sourceId, Instant.parse(at));
    }
}
