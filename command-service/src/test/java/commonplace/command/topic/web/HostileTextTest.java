package commonplace.command.topic.web;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.command.support.Tokens;
import commonplace.events.CommentPosted;
import commonplace.command.privacy.CachedDataKeys;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.http.Http;
import commonplace.testing.http.Http.Response;
import commonplace.testing.kafka.FeedLog;
import commonplace.testing.kafka.FeedLog.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The text rules and their hostile variants through the real HTTP API: half surrogate pairs (escaped in JSON or sent
 * as CESU-8 bytes), line separators and bidirectional controls where one line is expected, control characters in
 * bodies. Each is a 400 problem before anything is recorded; what is accepted reaches the feed exactly as sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET,
        "commonplace.rate-limit.per-minute=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileTextTest {

    private static final IsolatedInfrastructure INFRA = IsolatedInfrastructure.forTestClass(HostileTextTest.class);
    private static final String TOPIC = "/api/v1/topics/hostile-text";
    private static final String BIDI_CONTROLS = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

    private final String ada = Tokens.author("ada", "Ada Lovelace");
    private final List<String> acceptedBodies = new ArrayList<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    CachedDataKeys dataKeys;

    private Http http;
    private FeedLog feed;

    @BeforeAll
    void aTopic() {
        http = new Http(port);
        feed = new FeedLog(INFRA.kafkaBootstrapServers(), INFRA.kafkaTopic(), dataKeys);
        assertThat(http.put(TOPIC, ada, Map.of("title", "Fiendtlig tekst")).status()).isEqualTo(201);
    }

    @AfterAll
    void disconnect() {
        feed.close();
    }

    @Test
    void halfASurrogatePairEscapedInJsonIsRefusedInEveryField() {
        fieldError(http.post(TOPIC + "/comments", ada, "{\"body\": \"blåbær \\ud83e\"}"), "body", "surrogate");
        fieldError(http.post(TOPIC + "/comments", ada, "{\"body\": \"\\udc00 først\"}"), "body", "surrogate");
        fieldError(http.post(TOPIC + "/comments", ada, "{\"body\": \"" + "\\ud800".repeat(5_000) + "\"}"),
                "body", "surrogate");
        fieldError(http.put("/api/v1/topics/halves", ada, "{\"title\": \"Tittel \\ud800\"}"), "title", "surrogate");
        fieldError(http.put("/api/v1/topics/halves", ada, "{\"title\": \"T\", \"description\": \"\\udfff\"}"),
                "description", "surrogate");
        fieldError(http.post(TOPIC + "/links", ada, "{\"url\": \"https://example.com/\\ud800\"}"), "url", "surrogate");
        fieldError(http.post(TOPIC + "/links", ada, "{\"url\": \"https://example.com/\", \"note\": \"\\ud800\"}"),
                "note", "surrogate");
        fieldError(http.post(TOPIC + "/lock", Tokens.moderator("mo", "Mo"), "{\"reason\": \"\\ud800\"}"),
                "reason", "surrogate");
        accepted(http.post(TOPIC + "/comments", ada, "{\"body\": \"et helt par \\ud83e\\udee0\"}"), "et helt par 🫠");
    }

    @Test
    void surrogateHalvesAndOtherIllFormedUtf8BytesAreMalformedJson() {
        byte[][] illFormed = {
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80},                                         // CESU-8 high half
                {(byte) 0xED, (byte) 0xB0, (byte) 0x80},                                         // CESU-8 low half
                {(byte) 0xED, (byte) 0xA0, (byte) 0xBD, (byte) 0xED, (byte) 0xB8, (byte) 0x80},  // a CESU-8 pair
                {(byte) 0xC0, (byte) 0x80},                                                      // overlong NUL
                {(byte) 0xC0, (byte) 0xBC},                                                      // overlong '<'
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},                            // past U+10FFFF
                {(byte) 0xC3},                                                                   // cut short
                {(byte) 0xFF}};
        for (byte[] bytes : illFormed) {
            Response answer = postBytes(TOPIC + "/comments", bodyWith(bytes));
            problem(answer, 400, "malformed-json");
        }
        problem(postBytes(TOPIC + "/comments", bodyWith(new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                "x".repeat(60_000).getBytes(StandardCharsets.UTF_8))), 400, "malformed-json");
        accepted(postBytes(TOPIC + "/comments", bodyWith("rå UTF-8 🫐 æøå".getBytes(StandardCharsets.UTF_8))),
                "rå UTF-8 🫐 æøå");
    }

    @Test
    void aLineOrParagraphSeparatorIsALineBreakInATitleAndTextInABody() {
        fieldError(http.put("/api/v1/topics/separators", ada, Map.of("title", "To\u2028linjer")), "title", "line");
        fieldError(http.put("/api/v1/topics/separators", ada, Map.of("title", "Avsnitt\u2029")), "title", "line");
        accepted(http.post(TOPIC + "/comments", ada, Map.of("body", "Første\u2028andre\u2029tredje")),
                "Første\u2028andre\u2029tredje");
    }

    @Test
    void bidirectionalControlsAreRefusedInTitlesAndUrlsAndAcceptedInBodies() {
        for (char control : BIDI_CONTROLS.toCharArray()) {
            fieldError(http.put("/api/v1/topics/bidi", ada, Map.of("title", "Tittel " + control + "lettiT")),
                    "title", "bidirectional");
            fieldError(http.put("/api/v1/topics/bidi", ada, Map.of("title", "T", "url",
                    "https://example.com/" + control + "gpj.exe")), "url", "bidirectional");
            fieldError(http.post(TOPIC + "/links", ada, Map.of("url", "https://exa" + control + "mple.com/")),
                    "url", "bidirectional");
        }
        fieldError(http.put("/api/v1/topics/bidi", ada, Map.of("title", BIDI_CONTROLS.repeat(33))), "title",
                "bidirectional");
        String rightToLeft = "قال: \u2067שלום עולם\u2069 و \u202Bمرحبا\u202C — se https://example.com/ar";
        accepted(http.post(TOPIC + "/comments", ada, Map.of("body", rightToLeft)), rightToLeft);
        String onlyControls = BIDI_CONTROLS.repeat(2_000);
        accepted(http.post(TOPIC + "/comments", ada, Map.of("body", onlyControls)), onlyControls);
    }

    @Test
    void controlCharactersOtherThanLineBreaksAndTabsAreRefusedInBodies() {
        for (String body : List.of("nul\u0000", "bell\u0007", "esc\u001b[31m", "lone\rcarriage return", "c1\u0085",
                "del\u007f", "\u0000".repeat(10_000))) {
            fieldError(http.post(TOPIC + "/comments", ada, Map.of("body", body)), "body", "control");
        }
        accepted(http.post(TOPIC + "/comments", ada, Map.of("body", "linje\nlinje\r\n\tinnrykk")),
                "linje\nlinje\r\n\tinnrykk");
    }

    @Test
    void aRefusedBodyLeavesItsIdempotencyKeyFree() {
        fieldError(http.call("POST", TOPIC + "/comments").token(ada).header("Idempotency-Key", "hostile-1")
                .json("{\"body\": \"\\ud800\"}").send(), "body", "surrogate");
        accepted(http.call("POST", TOPIC + "/comments").token(ada).header("Idempotency-Key", "hostile-1")
                .json(Map.of("body", "Nå riktig")).send(), "Nå riktig");
    }

    /** Last: every other test has sent what it sends. */
    @Test
    @Order(Integer.MAX_VALUE)
    void whatWasAcceptedReachesTheFeedExactlyAsSentAndNothingElseDoes() {
        accepted(http.post(TOPIC + "/comments", ada, Map.of("body", "Blåbærsyltetøy 🫐")), "Blåbærsyltetøy 🫐");
        await().atMost(Duration.ofSeconds(60)).until(() -> postedBodies().size() >= acceptedBodies.size());
        assertThat(postedBodies()).containsExactlyElementsOf(acceptedBodies);
    }

    private List<String> postedBodies() {
        return feed.forTopic("hostile-text").stream().map(Received::envelope)
                .filter(envelope -> envelope.event() instanceof CommentPosted)
                .map(envelope -> ((CommentPosted) envelope.event()).body()).toList();
    }

    private void accepted(Response answer, String body) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        acceptedBodies.add(body);
    }

    private Response postBytes(String path, byte[] json) {
        return http.call("POST", path).token(ada).header("Content-Type", "application/json")
                .publisher(HttpRequest.BodyPublishers.ofByteArray(json)).send();
    }

    private static byte[] bodyWith(byte[]... parts) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        json.writeBytes("{\"body\": \"".getBytes(StandardCharsets.UTF_8));
        for (byte[] part : parts) {
            json.writeBytes(part);
        }
        json.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        return json.toByteArray();
    }

    private static void fieldError(Response answer, String field, String messagePart) {
        problem(answer, 400, "validation-failed");
        assertThat(answer.json().get("errors")).as(answer.toString()).anySatisfy(error -> {
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("message").asText()).contains(messagePart);
        });
    }

    private static void problem(Response answer, int status, String slug) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).as(answer.toString()).isEqualTo("urn:commonplace:problem:" + slug);
        assertThat(answer.body()).doesNotContain("Exception", "\tat ");
    }
}
