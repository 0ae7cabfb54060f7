package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.testing.http.Http;
import commonplace.testing.http.Http.Response;
import commonplace.web.problem.ProblemType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad request gets its status and a problem+json answer (RFC 9457) of the shared catalogue through the
 * real security chain and servlet container, exactly as the command service answers the same request; none gets a
 * 500, a stack trace or an exception name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorContractTest extends QueryServiceTestBase {

    private static final String REBUILD = "/api/v1/admin/projections/rebuild";

    private final TestTopic topic = TestTopic.named("errors");
    private final String reader = TestTokens.mint("ada", "Ada Lovelace", List.of(), Instant.now().plusSeconds(600));

    @BeforeAll
    void aTopicWithAComment() {
        topic.open("Errors", "ada", "Ada Lovelace");
        topic.comment("c-errors", "The comment", "ada", "Ada Lovelace");
        publish(topic.envelopes());
        awaitApplied(topic.topicId, topic.lastSequence());
    }

    /** The requests both services take the same way: the command service's ErrorContractTest sends them too. */
    @Test
    void theBadRequestsBothServicesShareGetTheSameCatalogueAnswers() {
        problem(get("/api/v1/nothing/here"), ProblemType.NOT_FOUND);
        Response wrongMethod = call("PATCH", "/api/v1/topics/" + topic.topicId, reader, null, null);
        problem(wrongMethod, ProblemType.METHOD_NOT_ALLOWED);
        assertThat(wrongMethod.header("Allow")).contains("GET");
        Response noToken = call("POST", REBUILD, null, null, null);
        problem(noToken, ProblemType.UNAUTHORIZED);
        assertThat(noToken.header("WWW-Authenticate")).isEqualTo("Bearer");
        Response badToken = call("POST", REBUILD, "not.a.jwt", null, null);
        problem(badToken, ProblemType.UNAUTHORIZED);
        assertThat(badToken.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
        String huge = "{\"body\": \"" + "x".repeat(70_000) + "\"}";
        problem(call("POST", REBUILD, null, "application/json", huge), ProblemType.PAYLOAD_TOO_LARGE);
        problem(chunked("PUT", "/api/v1/topics/" + topic.topicId, null, "application/x-www-form-urlencoded",
                "title=" + "x".repeat(70_000)), ProblemType.PAYLOAD_TOO_LARGE);
        fieldError(get("/api/v1/topics/bad%20id"), "topicId");
        problem(call("POST", REBUILD, null, "application/json; charset=UTF-16", "{\"body\": \"x\"}"),
                ProblemType.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void unknownPathsAre404WithoutEchoingThePath() {
        for (String path : List.of("/api/v1/zzq/here", "/zzq", "/api/v1/topics/" + topic.topicId + "/zzq",
                "/api/v2zzq/topics")) {
            Response answer = get(path);
            problem(answer, ProblemType.NOT_FOUND);
            assertThat(answer.json().get("detail").asText()).doesNotContain("zzq");
        }
        problem(get("/api/v1/topics/no-such-topic"), ProblemType.NOT_FOUND);
        problem(get("/api/v1/comments/no-such-comment"), ProblemType.NOT_FOUND);
    }

    @Test
    void wrongMethodsOnReadPathsAre405WithAValidToken() {
        for (String method : List.of("PUT", "DELETE", "PATCH", "POST")) {
            problem(call(method, "/api/v1/topics/" + topic.topicId + "/thread", reader, null, null),
                    ProblemType.METHOD_NOT_ALLOWED);
        }
    }

    @Test
    void missingForgedExpiredAndMalformedTokensAre401() {
        List<Response> answers = new ArrayList<>();
        answers.add(call("POST", REBUILD, null, null, null));
        answers.add(call("POST", REBUILD, TestTokens.mint("another-secret-that-is-long-enough-for-hs256", "mod",
                "Mo", List.of("moderator"), Instant.now().plusSeconds(600)), null, null));
        answers.add(call("POST", REBUILD, TestTokens.mint("mod", "Mo", List.of("moderator"),
                Instant.now().minusSeconds(600)), null, null));
        answers.add(call("POST", REBUILD, "not.a.jwt", null, null));
        answers.add(call("POST", REBUILD).header("Authorization", "Basic YWRhOnNlY3JldA==").send());
        answers.add(call("POST", REBUILD, TestTokens.mint("ada@example.com", "Ada", List.of("moderator"),
                Instant.now().plusSeconds(600)), null, null));
        answers.add(call("POST", REBUILD, TestTokens.mint("ada", null, List.of("moderator"),
                Instant.now().plusSeconds(600)), null, null));
        answers.add(call("POST", REBUILD, TestTokens.mint("ada", "x".repeat(101), List.of("moderator"),
                Instant.now().plusSeconds(600)), null, null));
        for (Response answer : answers) {
            problem(answer, ProblemType.UNAUTHORIZED);
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        }
        assertThat(answers.get(2).json().get("detail").asText()).contains("expired");
    }

    @Test
    void whatTheTokenDoesNotAllowIs403() {
        problem(call("POST", REBUILD, reader, null, null), ProblemType.FORBIDDEN);
        problem(call("POST", REBUILD, TestTokens.mint("ada", "Ada", List.of("author", "Moderator"),
                Instant.now().plusSeconds(600)), null, null), ProblemType.FORBIDDEN);
    }

    @Test
    void bodiesOver64KiBAre413WhetherTheirLengthIsDeclaredOrNot() {
        String huge = "x".repeat(70_000);
        problem(call("POST", REBUILD, reader, "application/json", huge), ProblemType.PAYLOAD_TOO_LARGE);
        problem(call("POST", REBUILD, null, "text/plain", huge), ProblemType.PAYLOAD_TOO_LARGE);
        // a chunked form body is read by the servlet's form parsing of a PUT, whatever the path
        problem(chunked("PUT", "/api/v1/topics/" + topic.topicId, reader, "application/x-www-form-urlencoded",
                "title=" + huge), ProblemType.PAYLOAD_TOO_LARGE);
        problem(chunked("PUT", "/api/v1/nothing", null, "application/x-www-form-urlencoded", "a=" + huge),
                ProblemType.PAYLOAD_TOO_LARGE);
    }

    @Test
    void badQueryParametersAndIdsAre400NamingTheField() {
        String thread = "/api/v1/topics/" + topic.topicId + "/thread";
        fieldError(get(thread + "?limit=ten"), "limit");
        fieldError(get(thread + "?limit=501"), "limit");
        fieldError(get(thread + "?sort=sideways"), "sort");
        fieldError(get(thread + "?cursor=garbage"), "cursor");
        fieldError(get(thread + "?asOf=yesterday"), "asOf");
        fieldError(get("/api/v1/topics/" + "t".repeat(129)), "topicId");
        fieldError(get("/api/v1/topics/%C3%A6%C3%B8%C3%A5/thread"), "topicId");
        fieldError(get("/api/v1/comments/not*an*id"), "commentId");
        fieldError(get("/api/v1/authors/" + "a".repeat(65) + "/history"), "authorId");
    }

    @Test
    void healthIsPublicAndUp() {
        Response health = get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    private Response call(String method, String path, String token, String contentType, String body) {
        Http.Call request = call(method, path);
        if (body != null) {
            request.raw(body);
        }
        if (token != null) {
            request.token(token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request.send();
    }

    /** A body without Content-Length: HttpClient sends an input stream chunked. */
    private Response chunked(String method, String path, String token, String contentType, String body) {
        Http.Call request = call(method, path).header("Content-Type", contentType)
                .publisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
        if (token != null) {
            request.token(token);
        }
        return request.send();
    }

    private static void fieldError(Response answer, String field) {
        problem(answer, ProblemType.VALIDATION_FAILED);
        assertThat(answer.json().get("errors")).as(answer.toString()).anySatisfy(error -> {
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("message").asText()).isNotBlank();
        });
    }

    static void problem(Response answer, ProblemType type) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(type.status().value());
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).as(answer.toString()).isEqualTo(type.type().toString());
        assertThat(problem.get("title").asText()).isEqualTo(type.title());
        assertThat(problem.get("status").asInt()).isEqualTo(type.status().value());
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception", "\tat ", "commonplace.query.", "commonplace.web.");
    }
}
