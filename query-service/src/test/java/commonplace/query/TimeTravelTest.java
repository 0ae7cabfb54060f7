package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.LinkOrigin;
import commonplace.testing.http.Http.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static commonplace.query.ReadBackTest.ids;
import static commonplace.query.ReadBackTest.values;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code thread?asOf=}: the thread as it was, folded from the event log, in the shape of the live thread. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeTravelTest extends QueryServiceTestBase {

    private static final String ROOT_BODY = "Første versjon, se https://example.com/fjell";
    private static final String EDITED_BODY = "Andre versjon, se https://example.org/ny";

    // one event a second from 04:05:06: event n happened at 04:05:(05 + n)
    private final TestTopic topic = new TestTopic("travel-" + System.nanoTime(), Instant.parse("2026-11-25T04:05:06Z"));

    @BeforeAll
    void publishADiscussion() {
        topic.open("Time travel", "ada", "Ada");                                                  // 1  :06
        topic.comment("tt-root", ROOT_BODY, "ada", "Ada");                                       // 2  :07
        topic.link("tt-s1", "tt-root", LinkOrigin.BODY, "https://example.com/fjell",
                "https://example.com/fjell", "example.com", "ada", "Ada");                       // 3  :08
        topic.reply("tt-reply", "tt-root", "Enig.", "bo", "Bo");                                 // 4  :09
        topic.reply("tt-deep", "tt-reply", "Dypt.", "kari", "Kari");                             // 5  :10
        topic.comment("tt-second", "Andre rot.", "kari", "Kari");                                // 6  :11
        topic.reply("tt-late", "tt-root", "Sent svar.", "ola", "Ola");                           // 7  :12
        topic.edit("tt-root", 2, EDITED_BODY, "ada", "Ada");                                     // 8  :13
        topic.link("tt-s2", "tt-root", LinkOrigin.BODY, "https://example.org/ny",
                "https://example.org/ny", "example.org", "ada", "Ada");                          // 9  :14
        topic.retract("tt-reply", false, "bo", "Bo");                                            // 10 :15
        topic.link("tt-s3", "tt-second", LinkOrigin.SHARE, "https://NRK.no/p3", "https://nrk.no/p3",
                "nrk.no", "ada", "Ada");                                                         // 11 :16
        topic.lock("mod", "Moderator");                                                          // 12 :17
        publish(topic.envelopes());
        awaitApplied(topic.topicId, topic.lastSequence());
    }

    @Test
    void beforeAnEditTheFirstRevisionShowsWithItsLinks() {
        JsonNode root = thread("2026-11-25T04:05:12.500Z").get("items").get(0);
        assertThat(root.get("commentId").asText()).isEqualTo("tt-root");
        assertThat(root.get("body").asText()).isEqualTo(ROOT_BODY);
        assertThat(root.get("revision").asInt()).isEqualTo(1);
        assertThat(root.get("editedAt").isNull()).isTrue();
        assertThat(root.get("createdAt").asText()).isEqualTo("2026-11-25T04:05:07.000Z");
        assertThat(values(root.get("links"), "normalizedUrl")).containsExactly("https://example.com/fjell");
        assertThat(root.get("replyCount").asInt()).isEqualTo(2);
        assertThat(ids(root.get("replies"))).containsExactly("tt-reply", "tt-late");
    }

    @Test
    void beforeARetractionTheCommentKeepsItsPlaceWithItsTextWithheld() {
        JsonNode root = thread("2026-11-25T04:05:14Z").get("items").get(0);
        assertThat(root.get("body").asText()).isEqualTo(EDITED_BODY);
        assertThat(root.get("revision").asInt()).isEqualTo(2);
        assertThat(root.get("editedAt").asText()).isEqualTo("2026-11-25T04:05:13.000Z");
        // the edit dropped the first address; the share of the new one happened exactly at asOf
        assertThat(values(root.get("links"), "normalizedUrl")).containsExactly("https://example.org/ny");
        JsonNode reply = root.get("replies").get(0);
        assertThat(reply.get("commentId").asText()).isEqualTo("tt-reply");
        assertThat(reply.get("retracted").asBoolean()).isFalse();
        // retracted later: what it said is withheld at every instant, before the retraction too
        assertThat(reply.get("body").isNull()).isTrue();
        assertThat(reply.get("withheld").asText()).isEqualTo("retracted");
        assertThat(ids(reply.get("replies"))).containsExactly("tt-deep");

        JsonNode later = thread("2026-11-25T04:05:15Z").get("items").get(0).get("replies").get(0);
        assertThat(later.get("retracted").asBoolean()).isTrue();
        assertThat(later.get("body").isNull()).isTrue();
    }

    @Test
    void beforeALaterReplyItIsAbsentAndRepliesAreCountedAsOfThen() {
        JsonNode items = thread("2026-11-25T04:05:11.999Z").get("items");
        assertThat(ids(items)).containsExactly("tt-root", "tt-second");
        JsonNode root = items.get(0);
        assertThat(ids(root.get("replies"))).containsExactly("tt-reply");
        assertThat(root.get("replyCount").asInt()).isEqualTo(1);
        assertThat(items.get(1).get("links")).isEmpty();

        JsonNode earlier = thread("2026-11-25T04:05:10.999Z").get("items");
        assertThat(ids(earlier)).containsExactly("tt-root");
        // the same instant with an offset
        assertThat(thread("2026-11-25T05:05:10.999+01:00")).isEqualTo(thread("2026-11-25T04:05:10.999Z"));
    }

    @Test
    void asOfNowAnswersExactlyWhatTheLiveThreadAnswersPageByPage() {
        String live = "/api/v1/topics/" + topic.topicId + "/thread";
        String asOf = "asOf=" + encode("2027-01-01T00:00:00Z");
        for (String sort : List.of("oldest", "newest")) {
            assertThat(get(live + "?sort=" + sort + "&" + asOf).json()).isEqualTo(get(live + "?sort=" + sort).json());
            List<JsonNode> pages = new ArrayList<>();
            String url = live + "?sort=" + sort + "&limit=1&" + asOf;
            for (int page = 0; page < 5; page++) {
                JsonNode answer = get(url).json();
                pages.add(answer);
                if (answer.get("nextCursor").isNull()) {
                    break;
                }
                url = live + "?sort=" + sort + "&limit=1&" + asOf + "&cursor=" + encode(answer.get("nextCursor").asText());
            }
            assertThat(pages).hasSize(2);
            assertThat(pages.get(1)).isEqualTo(get(live + "?sort=" + sort + "&limit=1&cursor="
                    + encode(pages.get(0).get("nextCursor").asText())).json());
        }
    }

    @Test
    void aMalformedInstantIs400AndOneBeforeTheTopic404() {
        String thread = "/api/v1/topics/" + topic.topicId + "/thread?asOf=";
        for (String malformed : List.of("yesterday", "2026-11-25", "2026-13-25T04:05:06Z", "")) {
            Response answer = get(thread + encode(malformed));
            assertThat(answer.status()).as(malformed).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(values(answer.json().get("errors"), "field")).containsExactly("asOf");
        }
        for (String missing : List.of(thread + encode("2026-11-25T04:05:05.999Z"),
                thread + encode("-100000-01-01T00:00:00Z"),
                "/api/v1/topics/no-such-topic/thread?asOf=" + encode("2027-01-01T00:00:00Z"))) {
            Response answer = get(missing);
            assertThat(answer.status()).as(missing).isEqualTo(404);
            assertThat(answer.json().get("type").asText()).isEqualTo("urn:commonplace:problem:not-found");
        }
        assertThat(get(thread + encode("+100000-01-01T00:00:00Z")).status()).isEqualTo(200);
        assertThat(ids(thread("2026-11-25T04:05:06Z").get("items"))).isEmpty();
    }

    private JsonNode thread(String asOf) {
        Response answer = get("/api/v1/topics/" + topic.topicId + "/thread?asOf=" + encode(asOf));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }
}
