package commonplace.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import commonplace.command.support.Tokens;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.http.Http;
import commonplace.testing.http.RawHttp;
import commonplace.testing.kafka.FeedLog;
import commonplace.web.problem.ProblemType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestContextManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Random bodies, URLs, ids, headers and request targets thrown at the running command service: every answer is a
 * success or a 4xx problem of the catalogue (never a 5xx, a stack trace or HTML), and after each property the service
 * still answers and has lost nothing: every comment it acknowledged is on the feed, and a normal comment posts and
 * comes back on the feed too.
 * <p>
 * jqwik runs beside JUnit Jupiter, so the Spring context is attached through Spring's {@link TestContextManager}
 * before each property.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET,
        // the properties write hundreds of comments as one author; the limit's own tests are elsewhere
        "commonplace.rate-limit.per-minute=1000000"})
class HostileRequestsPropertyTest {

    private static final IsolatedInfrastructure INFRA = IsolatedInfrastructure.forTestClass(
            HostileRequestsPropertyTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "hostile-requests";
    private static final String ADA = Tokens.author("ada", "Ada Lovelace");
    private static final String MODERATOR = Tokens.moderator("maja", "Moderator Maja");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final List<String> HOSTILE_TEXT = List.of("", " ", "\u0000", "\ud800", "\udfff", "\u202e",
            "\u2028", "\u0001", "\t", "\n", "æøå", "🫐", "%00", "%2F", "..", "../..", "x".repeat(129),
            "y".repeat(20_001), "<script>alert(1)</script>", "' or 1=1 --", "{{7*7}}", "${jndi:ldap://x}",
            "\"", "\\", "null", "0", "-1", "1e999999", "https://example.org/" + "a".repeat(2_100));
    /**
     * Few enough characters of random header lines that the request line and headers stay under Tomcat's 8 KiB with
     * the longest token: a request over it is refused (431, PathsAndHeadersTest) before its bytes are all sent.
     */
    private static final int MAX_HEADER_LINES = 2_000;
    /** Comments the service acknowledged with a 201: each must be on the feed after every property. */
    private static final Set<String> ACKNOWLEDGED = ConcurrentHashMap.newKeySet();
    private static FeedLog feed;
    private static String comment;
    private static int normalComments;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;

    private Http http;

    @BeforeProperty
    void attachTheRunningService() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        http = new Http(port);
        synchronized (HostileRequestsPropertyTest.class) {
            if (comment == null) {
                assertThat(http.put("/api/v1/topics/" + TOPIC, ADA, Map.of("title", "Hostile requests")).status())
                        .isIn(200, 201);
                comment = acknowledged(http.post("/api/v1/topics/" + TOPIC + "/comments", ADA,
                        Map.of("body", "The comment replies and edits aim at")).json());
                feed = new FeedLog(INFRA.kafkaBootstrapServers(), INFRA.kafkaTopic());
            }
        }
    }

    @AfterContainer
    static void closeTheFeed() {
        if (feed != null) {
            feed.close();
        }
    }

    /** After each property: a normal comment posts, and it and every comment acknowledged so far are on the feed. */
    @AfterProperty
    void nothingIsLost() {
        String topic = TOPIC + "-after-" + (++normalComments);
        assertThat(http.put("/api/v1/topics/" + topic, ADA, Map.of("title", "After the storm")).status()).isEqualTo(201);
        Http.Response posted = http.post("/api/v1/topics/" + topic + "/comments", ADA,
                Map.of("body", "Still here, https://example.org/still"));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        acknowledged(posted.json());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(commentsOnTheFeed())
                .containsAll(ACKNOWLEDGED));
    }

    @Property(tries = 300)
    void randomBodiesAndContentTypesGetASuccessOrAProblem(@ForAll("writes") String write, @ForAll("bodies") byte[] body,
                                                         @ForAll("contentTypes") String contentType,
                                                         @ForAll("tokens") String token) {
        String[] methodAndPath = write.split(" ", 2);
        StringBuilder headers = new StringBuilder();
        if (contentType != null) {
            headers.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (token != null) {
            headers.append("Authorization: ").append(token).append("\r\n");
        }
        if (methodAndPath[1].startsWith("/api/v1/comments/") && "PUT".equals(methodAndPath[0])) {
            headers.append("If-Match: \"1\"\r\n");
        }
        Answer answer = send(methodAndPath[0], methodAndPath[1], headers.toString(), body);
        assertSuccessOrProblem(write + " " + contentType + " " + shown(body), methodAndPath[0], answer);
        if (answer.status() == 201 && answer.body().contains("commentId")) {
            acknowledged(parse(answer.body()));
        }
    }

    @Property(tries = 300)
    void randomUrlsIdsAndQueriesGetASuccessOrAProblem(@ForAll("methods") String method, @ForAll("paths") String path,
                                                      @ForAll("queries") String query, @ForAll("tokens") String token) {
        boolean withBody = Set.of("POST", "PUT", "PATCH").contains(method);
        String headers = (withBody ? "Content-Type: application/json\r\n" : "")
                + (token == null ? "" : "Authorization: " + token + "\r\n");
        byte[] body = withBody ? "{\"body\": \"A random address\"}".getBytes(StandardCharsets.UTF_8) : new byte[0];
        assertSuccessOrProblem(method + " " + path + query, method, send(method, path + query, headers, body));
    }

    @Property(tries = 250)
    void randomHeadersOnAWriteGetASuccessOrAProblem(@ForAll("headerLines") List<String> headers,
                                                    @ForAll("tokens") String token) {
        byte[] body = "{\"body\": \"Headers of every kind\"}".getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder();
        if (headers.stream().noneMatch(line -> line.regionMatches(true, 0, "Content-Type:", 0, 13))) {
            head.append("Content-Type: application/json\r\n");
        }
        if (token != null && headers.stream().noneMatch(line -> line.regionMatches(true, 0, "Authorization:", 0, 14))) {
            head.append("Authorization: ").append(token).append("\r\n");
        }
        headers.forEach(line -> head.append(line).append("\r\n"));
        Answer answer = send("POST", "/api/v1/topics/" + TOPIC + "/comments", head.toString(), body);
        String shown = String.join(" | ", headers);
        assertSuccessOrProblem(shown.length() > 300 ? shown.substring(0, 300) : shown, "POST", answer);
        if (answer.status() == 201) {
            acknowledged(parse(answer.body()));
        }
    }

    @Property(tries = 250)
    void randomRequestTargetsGetASuccessOrAProblem(@ForAll("methods") String method, @ForAll("targets") String target) {
        assertSuccessOrProblem(method + " " + target, method,
                send(method, target, "Authorization: Bearer " + ADA + "\r\n", new byte[0]));
    }

    // ---- what may be sent ------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> writes() {
        String topic = "/api/v1/topics/" + TOPIC;
        return Arbitraries.of("POST " + topic + "/comments", "POST " + topic + "/links", "PUT " + topic,
                "PUT /api/v1/topics/hostile-opened", "POST /api/v1/comments/" + comment + "/replies",
                "PUT /api/v1/comments/" + comment, "POST " + topic + "/lock", "POST " + topic + "/unlock",
                "DELETE /api/v1/comments/" + comment, "POST /api/v1/topics/hostile-unknown/comments",
                "POST /api/v1/keys/lookup");
    }

    /** Bodies: JSON objects of random fields and values, broken JSON, deep nesting, huge values, random bytes. */
    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of(HOSTILE_TEXT), Arbitraries.strings().all()
                .ofMaxLength(300), Arbitraries.strings().alpha().numeric().withChars(' ', '.').ofMaxLength(80));
        Arbitrary<Object> value = Arbitraries.oneOf(text.map(t -> (Object) t),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(List.of()), text.list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.just(Map.of("nested", Map.of("deeper", "x"))));
        Arbitrary<String> field = Arbitraries.oneOf(Arbitraries.of("body", "title", "url", "note", "parentId",
                "language", "reason", "description", "keyIds", "authorId", "topicId"), text.map(t -> t.length() > 20
                ? t.substring(0, 20) : t));
        Arbitrary<byte[]> objects = Arbitraries.maps(field, value).ofMaxSize(5)
                .map(map -> write(map).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> broken = Combinators.combine(objects, Arbitraries.integers().between(0, 500),
                Arbitraries.of("", "\u0000", "}", "{", "\"", ",", "\\u12", "\\ud800", "]", "\uFEFF", "NaN"))
                .as((json, at, insert) -> {
                    String text1 = new String(json, StandardCharsets.UTF_8);
                    int cut = at % (text1.length() + 1);
                    return (text1.substring(0, cut) + insert + text1.substring(cut)).getBytes(StandardCharsets.UTF_8);
                });
        Arbitrary<byte[]> shapes = Arbitraries.of(
                "[".repeat(5_000) + "]".repeat(5_000), "{\"body\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}",
                "{\"body\": \"a\", \"body\": \"b\"}", "{\"body\": 1e999999}", "{\"body\": " + "9".repeat(2_000) + "}",
                "{\"body\": \"x\"} trailing", "\uFEFF{\"body\": \"bom\"}", "", "null", "[]", "\"just a string\"",
                "{\"body\": \"" + "z".repeat(70_000) + "\"}", "{\"body\": \"\\ud83e\\udee0 fine\"}",
                "{\"body\": \"\\udc00 half\"}").map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
        Arbitrary<byte[]> cesu = Arbitraries.just(new byte[] {'{', '"', 'b', 'o', 'd', 'y', '"', ':', '"',
                (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xC0, (byte) 0x80, '"', '}'});
        return Arbitraries.frequencyOf(Tuple.of(4, objects), Tuple.of(3, broken), Tuple.of(2, shapes),
                Tuple.of(1, bytes), Tuple.of(1, cesu));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(Arbitraries.of("application/json", "application/json; charset=UTF-8",
                        "application/json; charset=utf-16", "application/json;charset=ISO-8859-1", "text/plain",
                        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml",
                        "application/json; charset=\"utf-8\"", "application/*", "*/*", "application/json; charset=",
                        "application/json; charset=bogus", "application/problem+json", "json"),
                Arbitraries.strings().ascii().ofMaxLength(40).filter(HostileRequestsPropertyTest::sendableHeader))
                .injectNull(0.1);
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("Bearer " + ADA)),
                Tuple.of(1, Arbitraries.just("Bearer " + MODERATOR)),
                Tuple.of(1, Arbitraries.of("Bearer", "Bearer ", "Basic YWRhOmFkYQ==", "Bearer not.a.jwt",
                        "Bearer " + ADA + "x", "bearer " + ADA, "Bearer " + ADA.substring(0, ADA.length() / 2),
                        "Bearer " + "e".repeat(5_000))),
                Tuple.of(1, Arbitraries.strings().ascii().ofMaxLength(60).map(t -> "Bearer " + t)
                        .filter(HostileRequestsPropertyTest::sendableHeader)))
                .injectNull(0.1);
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of(METHODS);
    }

    /** Paths of the API and beside it, with ids of every shape, percent-encoded as a client would send them. */
    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> id = Arbitraries.oneOf(Arbitraries.of(HOSTILE_TEXT), Arbitraries.of(TOPIC, comment, "ada"),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(100));
        Arbitrary<String> template = Arbitraries.of("/api/v1/topics/%s", "/api/v1/topics/%s/comments",
                "/api/v1/topics/%s/links", "/api/v1/topics/%s/lock", "/api/v1/topics/%s/unlock",
                "/api/v1/comments/%s", "/api/v1/comments/%s/replies", "/api/v1/keys/%s", "/api/v1/authors/%s/erasure",
                "/api/v1/admin/%s", "/api/v1/%s", "/%s", "/actuator/%s", "/api/v1/topics/%s/comments/%s",
                "/v3/api-docs/%s");
        return Combinators.combine(template, id, id).as((path, first, second) ->
                path.replaceFirst("%s", encode(first)).replace("%s", encode(second)));
    }

    /** Query strings with cursors, positions, limits and anything else, encoded or not quite. */
    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> name = Arbitraries.of("cursor", "limit", "after", "consistentWith", "sort", "asOf", "format",
                "sequence", "x");
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(HOSTILE_TEXT),
                Arbitraries.strings().all().ofMaxLength(100));
        Arbitrary<String> pair = Combinators.combine(name, value).as((n, v) -> n + "=" + encode(v));
        return pair.list().ofMaxSize(4).map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    /** Header lines of every kind but those that frame the request (its length, its encoding, the connection). */
    @Provide
    Arbitrary<List<String>> headerLines() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("Content-Type", "Accept", "Accept-Charset",
                        "Accept-Encoding", "Accept-Language", "Idempotency-Key", "If-Match", "If-None-Match",
                        "Authorization", "Origin", "X-Forwarded-For", "Cookie", "Range", "Referer", "User-Agent",
                        "X-Commonplace-Position", "Last-Event-ID", "Forwarded", "X-HTTP-Method-Override"),
                Arbitraries.strings().withCharRange('a', 'z').withChars('-').ofMinLength(1).ofMaxLength(30));
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(HOSTILE_TEXT).map(v -> v.length() > 500
                        ? v.substring(0, 500) : v).filter(HostileRequestsPropertyTest::sendableHeader),
                Arbitraries.strings().withCharRange(' ', '~').withChars('\t', '\u0001', '\u007f', 'é', 'ÿ')
                        .ofMaxLength(300),
                Arbitraries.of("\"1\"", "W/\"1\"", "*", "\"0\"", "\"999999999999\"", "text/plain", "*/*",
                        "application/json;q=0", "gzip, br", "bytes=0-1", "null", "http://evil.example"));
        return Combinators.combine(name, value).as((n, v) -> n + ": " + v).list().ofMinSize(1).ofMaxSize(6)
                .filter(lines -> lines.stream().mapToInt(String::length).sum() <= MAX_HEADER_LINES);
    }

    /** Request targets as raw bytes on the wire: anything but the spaces and line ends that frame the line. */
    @Provide
    Arbitrary<String> targets() {
        Arbitrary<String> tail = Arbitraries.strings().withCharRange('!', '~').withChars('\u0001', '\u0000', '\t',
                '\u007f', 'é', '\u00ff').ofMaxLength(200);
        Arbitrary<String> prefix = Arbitraries.of("/", "/api/v1/", "/api/v1/topics/", "/api/v1/comments/",
                "/api/v1/topics/" + TOPIC + "/", "*", "", "http://127.0.0.1/", "//", "/..;/", "/%2e%2e/");
        return Combinators.combine(prefix, tail).as(String::concat).filter(t -> !t.isEmpty());
    }

    // ---- what must come back ---------------------------------------------------------------------------------------

    private record Answer(int status, String contentType, String body) {
    }

    private static void assertSuccessOrProblem(String sent, String method, Answer answer) {
        String shown = sent.length() > 400 ? sent.substring(0, 400) + "…" : sent;
        assertThat(answer.status()).as(shown + " -> " + answer).isBetween(200, 499);
        assertThat(answer.status() / 100).as(shown + " -> " + answer).isNotEqualTo(3);
        assertThat(answer.body()).as(shown).doesNotContain("Exception").doesNotContain("at java.")
                .doesNotContainIgnoringCase("<html");
        if (answer.status() < 400 || "HEAD".equals(method)) {
            return;
        }
        assertThat(answer.contentType()).as(shown + " -> " + answer).startsWith("application/problem+json");
        JsonNode problem = parse(answer.body());
        String type = problem.path("type").asText();
        assertThat(type).as(shown).startsWith(ProblemType.TYPE_PREFIX);
        ProblemType catalogued = ProblemType.fromSlug(type.substring(ProblemType.TYPE_PREFIX.length())).orElse(null);
        assertThat(catalogued).as(shown + " -> " + type).isNotNull();
        assertThat(problem.path("status").asInt()).as(shown).isEqualTo(answer.status());
        assertThat(problem.path("title").asText()).as(shown).isEqualTo(catalogued.title());
    }

    /**
     * Sends one request on a connection of its own ({@code Connection: close}): the answer, or the lack of one, is
     * this request's alone. {@code headers} are CRLF-terminated lines; the body's length is declared.
     */
    private Answer send(String method, String target, String headers, byte[] body) {
        RawHttp.Answer answer = new RawHttp(port).send(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n" + headers + "Content-Length: " + body.length + "\r\n\r\n", body);
        return new Answer(answer.status(), answer.header("Content-Type"), answer.body());
    }

    private Set<String> commentsOnTheFeed() {
        return feed.poll().stream().map(received -> received.envelope().payload().path("commentId").asText(""))
                .filter(id -> !id.isEmpty()).collect(Collectors.toSet());
    }

    private static String acknowledged(JsonNode answer) {
        String id = answer.path("commentId").asText();
        ACKNOWLEDGED.add(id);
        return id;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every character percent-encoded as UTF-8 but the unreserved ones, the way a careful client builds a path. */
    private static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    /** What can stand in one header line on the wire: no line end (it would end the line), one byte a character. */
    private static boolean sendableHeader(String value) {
        return value.chars().allMatch(c -> c != '\r' && c != '\n' && c <= 0xff);
    }

    private static String shown(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
