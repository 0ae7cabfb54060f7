package commonplace.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.command.support.Tokens;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.http.Http;
import commonplace.testing.http.Http.Response;
import commonplace.web.problem.ProblemType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and odd JSON bodies and the headers that describe them: each is refused with a 4xx problem before anything
 * is recorded, or recorded once and answered in JSON; never a 406 after the fact, never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET, "commonplace.rate-limit.per-minute=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonBodiesTest {

    private static final String TOPIC = "/api/v1/topics/bodies";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IsolatedInfrastructure.forTestClass(JsonBodiesTest.class).registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;

    private Http http;
    private final String ada = Tokens.author("ada", "Ada Lovelace");

    @BeforeAll
    void aTopic() {
        http = new Http(port);
        assertThat(http.put(TOPIC, ada, Map.of("title", "Bodies")).status()).isEqualTo(201);
    }

    @Test
    void aBodyDeclaredInAnotherCharsetThanUtf8IsRefusedAndNotRecorded() {
        for (String charset : new String[] {"UTF-16", "utf-16le", "ISO-8859-1", "windows-1252", "x-no-such-charset",
                "\"UTF-8\"", "UTF-8x"}) {
            Response answer = http.call("POST", TOPIC + "/comments").token(ada)
                    .header("Content-Type", "application/json; charset=" + charset)
                    .raw("{\"body\": \"declared " + charset + "\"}").send();
            problem(answer, ProblemType.UNSUPPORTED_MEDIA_TYPE);
            assertThat(post("declared " + charset).status()).as("not recorded before").isEqualTo(201);
        }
        for (String charset : new String[] {"UTF-8", "utf-8"}) {
            assertThat(http.call("POST", TOPIC + "/comments").token(ada)
                    .header("Content-Type", "application/json; charset=" + charset)
                    .raw("{\"body\": \"in " + charset + " æøå\"}").send().status()).as(charset).isEqualTo(201);
        }
    }

    @Test
    void aWriteThatAcceptsNoJsonIsRecordedOnceAndAnsweredInJsonAnyway() {
        for (String accept : new String[] {"text/plain", "application/xml", "text/html;q=0.9", "image/*", "%%%"}) {
            Response answer = http.call("POST", TOPIC + "/comments").token(ada).header("Accept", accept)
                    .json(Map.of("body", "Accept " + accept)).send();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            assertThat(answer.header("Content-Type")).startsWith("application/json");
            Response again = post("Accept " + accept);
            problem(again, ProblemType.DUPLICATE_POST);
            assertThat(again.text("originalCommentId")).isEqualTo(answer.text("commentId"));
        }
        Response refused = http.call("POST", TOPIC + "/comments").token(ada).header("Accept", "text/plain")
                .json(Map.of("body", "")).send();
        problem(refused, ProblemType.VALIDATION_FAILED);
    }

    @Test
    void deeplyNestedJsonIsRefusedAtItsFirstWrongToken() {
        for (String deep : new String[] {"[".repeat(20_000) + "]".repeat(20_000),
                "{\"body\": \"x\", \"language\": " + "[".repeat(20_000) + "]".repeat(20_000) + "}",
                "{\"body\": " + "{\"a\": ".repeat(5_000) + "1" + "}".repeat(5_000) + "}",
                "{\"zz\": " + "{\"a\": ".repeat(5_000) + "1" + "}".repeat(5_000) + "}"}) {
            Response answer = http.post(TOPIC + "/comments", ada, deep);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.text("type")).isIn(ProblemType.MALFORMED_REQUEST.type().toString(),
                    ProblemType.MALFORMED_JSON.type().toString(), ProblemType.VALIDATION_FAILED.type().toString());
        }
    }

    @Test
    void aFieldGivenTwiceIsMalformedJsonSoThatNoOneReadsTheOtherValue() {
        problem(http.post(TOPIC + "/comments", ada, "{\"body\": \"first\", \"body\": \"second\"}"),
                ProblemType.MALFORMED_JSON);
        assertThat(post("second").status()).as("nothing was recorded").isEqualTo(201);
    }

    @Test
    void whatIsNotAJsonObjectIsRefused() {
        for (String body : new String[] {"\"just a string\"", "42", "true", "[]", "[{\"body\": \"x\"}]"}) {
            problem(http.post(TOPIC + "/comments", ada, body), ProblemType.MALFORMED_REQUEST);
        }
        for (String body : new String[] {"", "{", "{\"body\": }", "{'body': 'x'}", "{\"body\": \"x\"}}",
                "\u0000{\"body\": \"x\"}", "{\"body\": \"\\uD800\"} x"}) {
            Response answer = http.post(TOPIC + "/comments", ada, body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.text("type")).startsWith("urn:commonplace:problem:malformed-");
        }
        assertThat(http.post(TOPIC + "/comments", ada, "{\"body\": 1" + "0".repeat(2_000) + "}").status())
                .isEqualTo(400);
    }

    private Response post(String body) {
        return http.post(TOPIC + "/comments", ada, Map.of("body", body));
    }

    private static void problem(Response answer, ProblemType type) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(type.status().value());
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).as(answer.toString()).isEqualTo(type.type().toString());
        assertThat(problem.get("title").asText()).isEqualTo(type.title());
        assertThat(answer.body()).doesNotContain("Exception", "\tat ");
    }
}
