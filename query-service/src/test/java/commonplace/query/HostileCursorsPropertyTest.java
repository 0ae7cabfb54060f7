package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.testing.http.Http.Response;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.test.context.TestContextManager;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random and tampered cursors, positions, limits and sort orders thrown at every list of the running service: each
 * answer is a page (200) or a 400 problem naming what was wrong, never anything else. The tampered ones start from
 * cursors the service issued, so they get past the first checks and reach the typed fields.
 * <p>
 * jqwik runs beside JUnit Jupiter, so the Spring context (the same one the other test classes share) is attached
 * through Spring's {@link TestContextManager} before each property.
 */
class HostileCursorsPropertyTest extends QueryServiceTestBase {

    private static final Set<String> PAGING_PARAMETERS = Set.of("cursor", "after", "limit", "sort");
    private static final TestTopic TOPIC = TestTopic.named("hostile-cursors");
    private static final TestTopic SECOND_TOPIC = TestTopic.named("hostile-cursors");
    private static final String AUTHOR = "hostile-" + TOPIC.topicId.substring(TOPIC.topicId.length() - 8);
    private static final List<String> HOSTILE_FIELDS = List.of("", "0", "-1", "1", "+1", "01", "9223372036854775807",
            "9223372036854775808", "-9223372036854775808", "-62135596800000001", "253402300800000000",
            "99999999999999999999999999", "1e9", "0x1F", "OLDEST", "NEWEST", "oldest", "a\u0000b", "\u0000", "\t",
            "\u007f", "\u202e", "æøå", "🫐", "x".repeat(129), "x".repeat(700), "a|b", "|", "topics", "thread",
            "history", "v1", TOPIC.topicId, AUTHOR, "other-topic");
    private static final List<String> HOSTILE_CHARACTERS = List.of("\u0000", "\u001f", "\u007f", "\u202e", "é", "|");
    private static boolean published;

    @BeforeProperty
    void attachTheRunningService() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        synchronized (HostileCursorsPropertyTest.class) {
            if (!published) {
                TOPIC.open("Hostile cursors", AUTHOR, "Hostile");
                SECOND_TOPIC.open("Hostile cursors, again", AUTHOR, "Hostile");
                for (int i = 1; i <= 4; i++) {
                    TOPIC.comment("hc-" + i + "-" + TOPIC.topicId, "Comment " + i + ".", AUTHOR, "Hostile");
                    TOPIC.reply("hr-" + i + "-" + TOPIC.topicId, "hc-" + i + "-" + TOPIC.topicId, "Reply.", AUTHOR,
                            "Hostile");
                }
                publish(TOPIC.envelopes());
                publish(SECOND_TOPIC.envelopes());
                published = true;
            }
        }
        awaitApplied(TOPIC.topicId, TOPIC.lastSequence());
        awaitApplied(SECOND_TOPIC.topicId, SECOND_TOPIC.lastSequence());
    }

    @AfterContainer
    static void closeTheProducer() {
        closeProducer();
    }

    @Property(tries = 1000)
    void randomCursorsAndLimitsGetAPageOrA400(@ForAll("lists") String list, @ForAll("anyText") String cursor,
                                               @ForAll("limits") String limit, @ForAll("sorts") String sort) {
        assertPageOr400(list, cursor, limit, sort);
    }

    @Property(tries = 1000)
    void tamperedIssuedCursorsGetAPageOrA400(@ForAll("tampered") Paged tampered, @ForAll("limits") String limit) {
        assertPageOr400(tampered.list(), tampered.cursor(), limit, null);
    }

    /** A list and a cursor (or position) for it. */
    record Paged(String list, String cursor) {
    }

    private void assertPageOr400(String list, String cursor, String limit, String sort) {
        String parameter = list.contains("/timeline") || list.contains("/events") ? "after" : "cursor";
        StringBuilder url = new StringBuilder(list).append(list.contains("?") ? "&" : "?")
                .append(parameter).append('=').append(encode(cursor));
        if (limit != null) {
            url.append("&limit=").append(encode(limit));
        }
        if (sort != null && list.contains("/thread")) {
            url.append("&sort=").append(encode(sort));
        }
        Response answer = get(url.toString());
        String shown = url.length() > 300 ? url.substring(0, 300) + "…" : url.toString();
        assertThat(answer.status()).as(shown + " -> " + answer).isIn(200, 400);
        assertThat(answer.body()).as(shown).doesNotContain("Exception");
        if (answer.status() == 400) {
            assertThat(answer.header("Content-Type")).as(shown).startsWith("application/problem+json");
            JsonNode errors = answer.json().get("errors");
            assertThat(errors).as(shown).hasSize(1);
            assertThat(errors.get(0).get("field").asText()).as(shown).isIn(PAGING_PARAMETERS);
        } else if (list.contains("/events")) {
            assertThat(answer.header("Content-Type")).as(shown).startsWith("application/x-ndjson");
        } else {
            assertThat(answer.json().get("items").isArray()).as(shown).isTrue();
        }
    }

    @Provide
    Arbitrary<String> lists() {
        String topic = "/api/v1/topics/" + TOPIC.topicId;
        return Arbitraries.of("/api/v1/topics", topic + "/thread", topic + "/thread?asOf=2030-01-01T00:00:00Z",
                topic + "/timeline", topic + "/events", "/api/v1/authors/" + AUTHOR + "/history");
    }

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> base64url = Arbitraries.strings()
                .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=")
                .ofMinLength(1).ofMaxLength(1100);
        Arbitrary<String> plainEncoded = Arbitraries.strings().all().ofMaxLength(200)
                .map(HostileCursorsPropertyTest::base64);
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(300), base64url, plainEncoded);
    }

    /**
     * A cursor or position the service issued for a list, tampered with once to three times and sent back to that
     * list: one of its parts replaced by a hostile one, a hostile character slipped in anywhere, a character changed
     * or the end cut off. Past the first checks, it reaches the typed fields.
     */
    @Provide
    Arbitrary<Paged> tampered() {
        Arbitrary<String> part = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(HOSTILE_FIELDS)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(40)));
        Arbitrary<Function<String, String>> tampering = Arbitraries.frequencyOf(
                Tuple.of(2, Combinators.combine(Arbitraries.integers().between(0, 1_000), part)
                        .as(HostileCursorsPropertyTest::replacingPart)),
                Tuple.of(2, Combinators.combine(Arbitraries.integers().between(0, 1_000), Arbitraries.of(HOSTILE_CHARACTERS))
                        .as((at, character) -> plain -> insert(plain, at % (plain.length() + 1), character))),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 1_000), Arbitraries.chars())
                        .as((at, character) -> plain -> replace(plain, at % plain.length(), character))),
                Tuple.of(1, Arbitraries.integers().between(0, 1_000).map(at -> plain -> plain.substring(0, at % plain.length()))));
        return Combinators.combine(Arbitraries.of(issuedCursors()), tampering.list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.of(true, false))
                .as((issued, tampers, padded) -> {
                    String plain = new String(Base64.getUrlDecoder().decode(issued.cursor()), StandardCharsets.UTF_8);
                    for (Function<String, String> tamper : tampers) {
                        plain = plain.isEmpty() ? plain : tamper.apply(plain);
                    }
                    byte[] bytes = plain.getBytes(StandardCharsets.UTF_8);
                    Base64.Encoder encoder = padded ? Base64.getUrlEncoder() : Base64.getUrlEncoder().withoutPadding();
                    return new Paged(issued.list(), encoder.encodeToString(bytes));
                });
    }

    /** Replaces one of the parts between the separators ({@code |} in cursors, {@code @} in positions), or adds one. */
    private static Function<String, String> replacingPart(int index, String replacement) {
        return plain -> {
            String separator = plain.contains("|") ? "|" : "@";
            List<String> parts = new ArrayList<>(List.of(plain.split(Pattern.quote(separator), -1)));
            int at = index % (parts.size() + 1);
            if (at < parts.size()) {
                parts.set(at, replacement);
            } else {
                parts.add(replacement);
            }
            return String.join(separator, parts);
        };
    }

    private static String insert(String plain, int at, String character) {
        return plain.substring(0, at) + character + plain.substring(at);
    }

    private static String replace(String plain, int at, char character) {
        return plain.substring(0, at) + character + plain.substring(at + 1);
    }

    @Provide
    Arbitrary<String> limits() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-10, 1_000).map(String::valueOf),
                Arbitraries.of("", " 5 ", "+5", "5\u0000", "\u0665", "1e2", "99999999999999999999", "500", "501"),
                Arbitraries.strings().all().ofMaxLength(12)).injectNull(0.3);
    }

    @Provide
    Arbitrary<String> sorts() {
        return Arbitraries.oneOf(Arbitraries.of("oldest", "newest", "NEWEST", "Oldest", "", "sideways", "oldest,newest"),
                Arbitraries.strings().all().ofMaxLength(20)).injectNull(0.3);
    }

    /** A cursor or position of every list, as the service issues them, with the list it belongs to. */
    private List<Paged> issuedCursors() {
        String topic = "/api/v1/topics/" + TOPIC.topicId;
        List<Paged> issued = new ArrayList<>();
        for (String list : List.of("/api/v1/topics", topic + "/thread?sort=oldest", topic + "/thread?sort=newest",
                topic + "/thread?sort=oldest&asOf=2030-01-01T00:00:00Z", topic + "/timeline",
                "/api/v1/authors/" + AUTHOR + "/history")) {
            String first = list + (list.contains("?") ? "&" : "?") + "limit=1";
            JsonNode next = get(first).json().get("nextCursor");
            assertThat(next.isTextual()).as(first + " has a next page").isTrue();
            issued.add(new Paged(list, next.asText()));
        }
        issued.add(new Paged(topic + "/events", TOPIC.position(3)));
        return issued;
    }

    private static String base64(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
