package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.testing.http.Http.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static commonplace.query.ReadBackTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile paging input on every list: tampered and forged cursors and positions, odd limits, sort orders and
 * instants, overlong ids. Each is a 400 problem naming the parameter, or a correct answer; never a 500, and never a
 * page of nothing because a key made no sense.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingAndCursorsTest extends QueryServiceTestBase {

    /** Years 1 and 9999 bound what a cursor's instant may be, in microseconds since the epoch. */
    private static final long YEAR_1_MICROS = -62_135_596_800_000_000L;
    private static final long AFTER_9999_MICROS = 253_402_300_800_000_000L;

    private final TestTopic topic = TestTopic.named("paging");
    private final String author = "pager-" + topic.topicId.substring(topic.topicId.length() - 8);

    @BeforeAll
    void publishATopic() {
        topic.open("Paging", author, "Pager");
        for (int i = 1; i <= 3; i++) {
            topic.comment("c-" + i + "-" + topic.topicId, "Comment " + i + ".", author, "Pager");
        }
        publish(topic.envelopes());
        awaitApplied(topic.topicId, topic.lastSequence());
    }

    @Test
    void tamperedTopicAndHistoryCursorsAre400NotA500OrAnEmptyPage() {
        String topics = "/api/v1/topics?cursor=";
        String history = "/api/v1/authors/" + author + "/history?cursor=";
        long now = 1_764_043_506_123_000L;
        for (String plain : List.of(
                "v1|topics|" + (YEAR_1_MICROS - 1) + "|t",          // before year 1: was a silent empty page
                "v1|topics|" + now + "|a\u0000b",                    // NUL: was a 500 from PostgreSQL
                "v1|topics|" + AFTER_9999_MICROS + "|t",
                "v1|topics|9223372036854775807|t",
                "v1|topics|-9223372036854775808|t",
                "v1|topics|99999999999999999999|t",
                "v1|topics|" + now + "|",
                "v1|topics|" + now + "|" + "t".repeat(129),
                "v1|topics|" + now + "|t|extra",
                "v1|topics|" + now,
                "v2|topics|" + now + "|t",
                "v1|topics|" + now + "|t\n")) {
            assertInvalid(topics + encode(cursor(plain)), "cursor");
        }
        for (String plain : List.of(
                "v1|history|" + author + "|" + (YEAR_1_MICROS - 1) + "|t|1",   // was a silent empty page
                "v1|history|" + author + "|" + now + "|a\u0000b|1",            // was a 500
                "v1|history|" + author + "|" + now + "|t|0",
                "v1|history|" + author + "|" + now + "|t|-5",
                "v1|history|" + author + "|" + now + "|t|9223372036854775808",
                "v1|history|" + author + "|" + now + "|bad topic|1",
                "v1|history|someone-else|" + now + "|t|1",
                "v1|history|" + author + "\u202e|" + now + "|t|1",
                "v1|thread|" + topic.topicId + "|OLDEST|1")) {
            assertInvalid(history + encode(cursor(plain)), "cursor");
        }
        // bytes that are not text at all
        assertInvalid(topics + Base64.getUrlEncoder().encodeToString(new byte[]{'v', '1', '|', (byte) 0xFF}), "cursor");
        assertInvalid(topics + "A".repeat(1025), "cursor");
    }

    @Test
    void cursorsAtTheEdgesOfTheInstantsTheyMayHoldArePages() {
        long year9999Ends = AFTER_9999_MICROS - 1;
        // before year 1 nothing happened, and everything happened before the end of 9999
        JsonNode none = get("/api/v1/topics?cursor=" + encode(cursor("v1|topics|" + YEAR_1_MICROS + "|t"))).json();
        assertThat(none.get("items")).isEmpty();
        JsonNode all = get("/api/v1/authors/" + author + "/history?cursor="
                + encode(cursor("v1|history|" + author + "|" + year9999Ends + "|t|1"))).json();
        assertThat(all.get("items")).hasSize(4);
        assertThat(get("/api/v1/authors/" + author + "/history?cursor="
                + encode(cursor("v1|history|" + author + "|" + YEAR_1_MICROS + "|t|1"))).json().get("items")).isEmpty();
        assertThat(get("/api/v1/topics?limit=500&cursor=" + encode(cursor("v1|topics|" + year9999Ends + "|t"))).json()
                .get("items")).isNotEmpty();
    }

    @Test
    void tamperedThreadCursorsAre400NowAndAsOf() {
        String thread = "/api/v1/topics/" + topic.topicId + "/thread?limit=1";
        for (String asOf : List.of("", "&asOf=2030-01-01T00:00:00Z")) {
            for (String plain : List.of(
                    "v1|thread|" + topic.topicId + "|OLDEST|0",
                    "v1|thread|" + topic.topicId + "|OLDEST|-1",
                    "v1|thread|" + topic.topicId + "|OLDEST|9223372036854775808",
                    "v1|thread|" + topic.topicId + "|oldest|2",
                    "v1|thread|" + topic.topicId + "|SIDEWAYS|2",
                    "v1|thread|" + topic.topicId + "|NEWEST|2",
                    "v1|thread|other-topic|OLDEST|2",
                    "v1|thread|" + topic.topicId + "\u0000|OLDEST|2",
                    "v1|topics|" + topic.topicId + "|OLDEST|2")) {
                assertInvalid(thread + asOf + "&cursor=" + encode(cursor(plain)), "cursor");
            }
        }
    }

    @Test
    void aForgedButWellFormedCursorPagesFromItsKey() {
        // a client may make up a key: it gets the page after it, as if it had been issued
        String thread = "/api/v1/topics/" + topic.topicId + "/thread?limit=5&cursor=";
        JsonNode afterTheFirst = get(thread + encode(cursor("v1|thread|" + topic.topicId + "|OLDEST|2"))).json();
        assertThat(ids(afterTheFirst.get("items"))).containsExactly("c-2-" + topic.topicId, "c-3-" + topic.topicId);
        JsonNode pastTheEnd = get(thread + encode(cursor("v1|thread|" + topic.topicId + "|OLDEST|9223372036854775807")))
                .json();
        assertThat(pastTheEnd.get("items")).isEmpty();
        assertThat(pastTheEnd.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void positionsOnTheTimelineAndTheEventFeedAreCheckedAlike() {
        for (String feed : List.of("/timeline", "/events")) {
            String path = "/api/v1/topics/" + topic.topicId + feed + "?after=";
            for (String after : List.of("garbage", "", positionOf(topic.topicId + "@0"), positionOf(topic.topicId + "@-1"),
                    positionOf(topic.topicId + "@x"), positionOf("other-topic@1"), positionOf(topic.topicId + "\u0000@1"),
                    positionOf("@1"), "A".repeat(401), positionOf(topic.topicId + "@99999999999999999999"))) {
                assertInvalid(path + encode(after), "after");
            }
            // past the end is an empty page of a correct answer, not an error
            Response pastTheEnd = get(path + encode(positionOf(topic.topicId + "@9223372036854775807")));
            assertThat(pastTheEnd.status()).as(feed).isEqualTo(200);
        }
        assertThat(get("/api/v1/topics/" + topic.topicId + "/events?after=" + encode(topic.position(3))).body().lines())
                .hasSize(1);
    }

    @Test
    void limitsAreWholeNumbersFromOneTo500OnEveryList() {
        List<String> lists = List.of("/api/v1/topics", "/api/v1/topics/" + topic.topicId + "/thread",
                "/api/v1/topics/" + topic.topicId + "/thread?asOf=2030-01-01T00:00:00Z",
                "/api/v1/topics/" + topic.topicId + "/timeline", "/api/v1/authors/" + author + "/history");
        for (String list : lists) {
            String separator = list.contains("?") ? "&" : "?";
            for (String limit : List.of("0", "501", "-1", "99999999999999999999", "1e2", "0x10", "+5", "5\u0000",
                    "\u0665", "5,5", "")) {
                assertInvalid(list + separator + "limit=" + encode(limit), "limit");
            }
            assertInvalid(list + separator + "limit=1&limit=2", "limit");
            Response largest = get(list + separator + "limit=500");
            assertThat(largest.status()).as(list).isEqualTo(200);
            assertThat(largest.json().get("items").size()).as(list).isBetween(1, 500);
            assertThat(get(list + separator + "limit=" + encode(" 1 ")).json().get("items")).as(list).hasSize(1);
        }
    }

    @Test
    void sortOrdersAreOldestOrNewestInAnyCaseAndNothingElse() {
        String thread = "/api/v1/topics/" + topic.topicId + "/thread?sort=";
        assertThat(ids(get(thread + "NEWEST").json().get("items"))).first().isEqualTo("c-3-" + topic.topicId);
        assertThat(ids(get(thread + "Oldest").json().get("items"))).first().isEqualTo("c-1-" + topic.topicId);
        for (String sort : List.of("", "sideways", "oldest ", "old", "oldest\u0000", "\uff4f\uff4c\uff44\uff45\uff53\uff54",
                "x".repeat(5000))) {
            assertInvalid(thread + encode(sort), "sort");
        }
        assertInvalid(thread + "oldest&sort=newest", "sort");
    }

    @Test
    void instantsFarAwayOrOverPreciseAreAnsweredOrRefused() {
        String thread = "/api/v1/topics/" + topic.topicId + "/thread?asOf=";
        for (String malformed : List.of("2026-11-25T04:05:06.1234567891Z", "2026-11-25T04:05:06Z\u0000",
                "+1000000001-01-01T00:00:00Z", "2026-11-25T04:05:06+25:00", "2026-11-25T24:00:01Z",
                "9".repeat(5000))) {
            assertInvalid(thread + encode(malformed), "asOf");
        }
        // nanoseconds beyond the microseconds events carry change nothing: the same page, the same entity tag
        Response precise = get(thread + encode("2030-01-01T00:00:00.000000001Z"));
        Response plain = get(thread + encode("2030-01-01T00:00:00Z"));
        assertThat(precise.status()).isEqualTo(200);
        assertThat(precise.header("ETag")).isEqualTo(plain.header("ETag"));
        assertThat(precise.json()).isEqualTo(plain.json());
        assertThat(ids(get(thread + encode("+999999999-12-31T23:59:59.999999999Z")).json().get("items"))).hasSize(3);
        assertThat(get(thread + encode("-999999999-01-01T00:00:00Z")).status()).isEqualTo(404);
    }

    @Test
    void overlongIdsAre400() {
        // the longest that fits in a request line: Tomcat refuses a longer one before the service sees it
        String longest = "x".repeat(7_000);
        assertInvalid("/api/v1/topics/" + longest, "topicId");
        assertInvalid("/api/v1/topics/" + longest + "/thread", "topicId");
        assertInvalid("/api/v1/topics/" + longest + "/timeline", "topicId");
        assertInvalid("/api/v1/topics/" + longest + "/events", "topicId");
        assertInvalid("/api/v1/comments/" + longest, "commentId");
        assertInvalid("/api/v1/authors/" + longest + "/history", "authorId");
        assertInvalid("/api/v1/topics/" + "t".repeat(129) + "/thread", "topicId");
        assertInvalid("/api/v1/authors/" + "a".repeat(65) + "/history", "authorId");
    }

    private void assertInvalid(String pathAndQuery, String field) {
        Response answer = get(pathAndQuery);
        String shown = pathAndQuery.length() > 200 ? pathAndQuery.substring(0, 200) + "…" : pathAndQuery;
        assertThat(answer.status()).as(shown + " -> " + answer).isEqualTo(400);
        assertThat(answer.header("Content-Type")).as(shown).startsWith("application/problem+json");
        assertThat(ReadBackTest.values(answer.json().get("errors"), "field")).as(shown).containsExactly(field);
        assertThat(answer.body()).doesNotContain("Exception");
    }

    private static String cursor(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static String positionOf(String plain) {
        return cursor(plain);
    }
}
