package commonplace.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.command.support.Tokens;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.http.Http;
import commonplace.testing.http.Http.Response;
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
 * Two answers the property-based suite found outside the catalogue: a wildcard Content-Type on an endpoint whose body
 * is optional was a 500, and a cross-origin request Spring's CORS check refuses was plain text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentTypesAndOriginsTest {

    private static final String TOPIC = "/api/v1/topics/content-types";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IsolatedInfrastructure.forTestClass(ContentTypesAndOriginsTest.class).registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;

    private Http http;
    private final String maja = Tokens.moderator("maja", "Moderator Maja");

    @BeforeAll
    void aTopic() {
        http = new Http(port);
        assertThat(http.put(TOPIC, maja, Map.of("title", "Content types")).status()).isEqualTo(201);
    }

    @Test
    void aWildcardContentTypeIsAnUnsupportedMediaTypeProblem() {
        for (String wildcard : new String[] {"*/*", "application/*", "*/json"}) {
            Response answer = http.call("POST", TOPIC + "/lock").token(maja).header("Content-Type", wildcard)
                    .raw("{}").send();
            problem(answer, 415, "unsupported-media-type");
            problem(http.call("POST", TOPIC + "/comments").token(maja).header("Content-Type", wildcard)
                    .raw("{\"body\": \"Hi\"}").send(), 415, "unsupported-media-type");
        }
        assertThat(http.call("POST", TOPIC + "/lock").token(maja).header("Content-Type", "application/json")
                .raw("{}").send().status()).isEqualTo(204);
    }

    @Test
    void aFormBodyWithABrokenEscapeIsAnUnsupportedMediaTypeProblemNotAFailure() {
        // the API reads JSON alone: a form body is never parsed, so a malformed one cannot fail the request
        for (String form : new String[] {"%", "title=%zz", "a=%E2%82", "=".repeat(10_000) + "%"}) {
            problem(http.call("PUT", TOPIC).token(maja).header("Content-Type", "application/x-www-form-urlencoded")
                    .raw(form).send(), 415, "unsupported-media-type");
        }
    }

    @Test
    void aRefusedCrossOriginRequestIsAForbiddenProblem() {
        for (String origin : new String[] {"", "\"0\"", "https://not-allowed.example"}) {
            Response answer = http.call("POST", TOPIC + "/comments").token(maja).header("Origin", origin)
                    .json(Map.of("body", "From elsewhere")).send();
            problem(answer, 403, "forbidden");
        }
        Response allowed = http.call("POST", TOPIC + "/unlock").token(maja).header("Origin", "http://127.0.0.1:3000")
                .send();
        assertThat(allowed.status()).isEqualTo(204);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://127.0.0.1:3000");
    }

    private static void problem(Response answer, int status, String slug) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).isEqualTo("urn:commonplace:problem:" + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
    }
}
