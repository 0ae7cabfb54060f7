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
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad request gets its status and a problem+json answer (RFC 9457) through the real security chain
 * and servlet container; none gets a 500, a stack trace or an exception name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET,
        "commonplace.rate-limit.per-minute=100"})
@AutoConfigureObservability
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorContractTest {

    private static final String TOPIC = "/api/v1/topics/errors";

    private final String ada = Tokens.author("ada", "Ada Lovelace");
    private final String bo = Tokens.author("bo", "Bø Ångström");
    private final String maja = Tokens.moderator("maja", "Moderator Maja");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IsolatedInfrastructure.forTestClass(ErrorContractTest.class).registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;

    private Http http;
    private String comment;
    private String retracted;

    @BeforeAll
    void aTopicWithAComment() {
        http = new Http(port);
        assertThat(http.put(TOPIC, ada, Map.of("title", "Errors")).status()).isEqualTo(201);
        comment = http.post(TOPIC + "/comments", ada, Map.of("body", "The comment")).text("commentId");
        retracted = http.post(TOPIC + "/comments", ada, Map.of("body", "Gone soon")).text("commentId");
        assertThat(http.delete("/api/v1/comments/" + retracted, ada).status()).isEqualTo(204);
    }

    /** The requests both services take the same way: the query service's ErrorContractTest sends them too. */
    @Test
    void theBadRequestsBothServicesShareGetTheSameCatalogueAnswers() {
        problem(http.call("GET", "/api/v1/nothing/here").send(), 404, "not-found");
        Response wrongMethod = http.call("PATCH", TOPIC).token(ada).send();
        problem(wrongMethod, 405, "method-not-allowed");
        assertThat(wrongMethod.header("Allow")).contains("PUT");
        Response noToken = http.call("POST", TOPIC + "/comments").json(Map.of("body", "Hi")).send();
        problem(noToken, 401, "unauthorized");
        assertThat(noToken.header("WWW-Authenticate")).isEqualTo("Bearer");
        Response badToken = http.post(TOPIC + "/comments", "not.a.jwt", Map.of("body", "Hi"));
        problem(badToken, 401, "unauthorized");
        assertThat(badToken.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
        String huge = "{\"body\": \"" + "x".repeat(70_000) + "\"}";
        problem(http.call("POST", TOPIC + "/comments").json(huge).send(), 413, "payload-too-large");
        byte[] form = ("title=" + "x".repeat(70_000)).getBytes(StandardCharsets.UTF_8);
        problem(http.call("PUT", TOPIC).header("Content-Type", "application/x-www-form-urlencoded")
                .publisher(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form))).send(),
                413, "payload-too-large");
        fieldError(http.put("/api/v1/topics/bad%20id", ada, Map.of("title", "x")), "topicId");
        problem(http.call("POST", TOPIC + "/comments").header("Content-Type", "application/json; charset=UTF-16")
                .raw("{\"body\": \"x\"}").send(), 415, "unsupported-media-type");
    }

    @Test
    void aChunkedFormBodyOver64KiBIs413EvenWhereFormsAreRefused() {
        byte[] form = ("title=" + "x".repeat(70_000)).getBytes(StandardCharsets.UTF_8);
        problem(http.call("PUT", TOPIC).token(ada).header("Content-Type", "application/x-www-form-urlencoded")
                .publisher(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form))).send(),
                413, "payload-too-large");
    }

    @Test
    void malformedJsonIs400() {
        problem(http.post(TOPIC + "/comments", ada, "{\"body\": \"unterminated"), 400, "malformed-json");
        problem(http.post(TOPIC + "/comments", ada, "{\"body\": \"x\"} trailing"), 400, "malformed-json");
        problem(http.post(TOPIC + "/comments", ada, "[\"an array\"]"), 400, "malformed-request");
        problem(http.post(TOPIC + "/comments", ada, "null"), 400, "malformed-request");
        problem(http.call("POST", TOPIC + "/comments").token(ada).header("Content-Type", "application/json").send(),
                400, "malformed-request");
    }

    @Test
    void wrongJsonTypesAre400NamingTheField() {
        fieldError(http.post(TOPIC + "/comments", ada, "{\"body\": 42}"), "body");
        fieldError(http.post(TOPIC + "/comments", ada, "{\"body\": true}"), "body");
        fieldError(http.post(TOPIC + "/comments", ada, "{\"body\": {\"text\": \"x\"}}"), "body");
        fieldError(http.put(TOPIC, ada, "{\"title\": [\"Errors\"]}"), "title");
    }

    @Test
    void unknownFieldsAre400SoThatAClientLearnsTheAuthorComesFromTheToken() {
        Response answer = fieldError(http.post(TOPIC + "/comments", ada,
                Map.of("body", "Hi", "authorId", "someone-else")), "authorId");
        assertThat(answer.json().get("errors").get(0).get("message").asText()).contains("token");
    }

    @Test
    void missingAndInvalidFieldsAre400WithTheirErrors() {
        fieldError(http.post(TOPIC + "/comments", ada, Map.of()), "body");
        fieldError(http.post(TOPIC + "/comments", ada, Map.of("body", " \n\t ")), "body");
        fieldError(http.post(TOPIC + "/comments", ada, Map.of("body", "x".repeat(20_001))), "body");
        fieldError(http.post(TOPIC + "/comments", ada, Map.of("body", "bell \u0007")), "body");
        fieldError(http.post(TOPIC + "/comments", ada, Map.of("body", "nul \u0000")), "body");
        fieldError(http.post(TOPIC + "/comments", ada, Map.of("body", "Hei", "language", "Norsk")), "language");
        fieldError(http.put("/api/v1/topics/new-one", ada, Map.of("description", "no title")), "title");
        fieldError(http.put("/api/v1/topics/new-one", ada, Map.of("title", "Two\nlines")), "title");
        Response both = http.put("/api/v1/topics/new-one", ada, Map.of("title", "", "url", "ftp://x.no"));
        problem(both, 400, "validation-failed");
        assertThat(both.json().get("errors")).hasSize(2);
    }

    @Test
    void javascriptAndDataUrlsAre400() {
        fieldError(http.post(TOPIC + "/links", ada, Map.of("url", "javascript:alert(1)")), "url");
        fieldError(http.post(TOPIC + "/links", ada, Map.of("url", "data:text/html;base64,PHNjcmlwdD4=")), "url");
        fieldError(http.post(TOPIC + "/links", ada, Map.of("url", "https://" + "a".repeat(2048))), "url");
        fieldError(http.post(TOPIC + "/links", ada, Map.of("note", "no url")), "url");
        fieldError(http.put("/api/v1/topics/new-one", ada, Map.of("title", "T", "url", "javascript:void(0)")), "url");
    }

    @Test
    void bodiesOver64KiBAre413WhetherTheirLengthIsDeclaredOrNot() {
        String huge = "{\"body\": \"" + "x".repeat(70_000) + "\"}";
        problem(http.post(TOPIC + "/comments", ada, huge), 413, "payload-too-large");
        Response chunked = http.call("POST", TOPIC + "/comments").token(ada).header("Content-Type", "application/json")
                .publisher(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes())))
                .send();
        problem(chunked, 413, "payload-too-large");
        Response unauthenticated = http.call("POST", TOPIC + "/comments").json(huge).send();
        problem(unauthenticated, 413, "payload-too-large");
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        problem(http.call("POST", TOPIC + "/comments").token(ada).header("Content-Type", "text/plain")
                .raw("{\"body\": \"x\"}").send(), 415, "unsupported-media-type");
        problem(http.call("PUT", TOPIC).token(ada).header("Content-Type", "application/x-www-form-urlencoded")
                .raw("title=x").send(), 415, "unsupported-media-type");
        problem(http.call("POST", TOPIC + "/comments").token(ada).raw("{\"body\": \"x\"}").send(),
                415, "unsupported-media-type");
    }

    /**
     * A form POSTed where the JSON body is optional: Spring MVC reads it through the request's parameters, which the
     * firewall checks only then, so a control character in a parameter's name is refused there; any other form is
     * 415, whatever its values hold.
     */
    @Test
    void aFormPostedWhereTheBodyIsOptionalIs400WithAControlCharacterInANameAnd415Otherwise() {
        String topic = "/api/v1/topics/errors-form";
        assertThat(http.put(topic, ada, Map.of("title", "Forms")).status()).isEqualTo(201);
        for (String form : List.of("{\"%00\":0}", "%00=x", "a%0D%0Ab=1", "%7F", "ok=1&%01=2")) {
            problem(form(topic + "/lock", form), 400, "malformed-request");
        }
        for (String form : List.of("reason=ok", "reason=%00", "reason=%0D%0A", "", "=")) {
            problem(form(topic + "/lock", form), 415, "unsupported-media-type");
        }
    }

    private Response form(String path, String form) {
        return http.call("POST", path).token(maja).header("Content-Type", "application/x-www-form-urlencoded")
                .raw(form).send();
    }

    @Test
    void badIdsInThePathAre400AndUnknownOnes404() {
        fieldError(http.put("/api/v1/topics/bad%20id", ada, Map.of("title", "x")), "topicId");
        fieldError(http.put("/api/v1/topics/" + "t".repeat(129), ada, Map.of("title", "x")), "topicId");
        fieldError(http.post("/api/v1/topics/%C3%A6%C3%B8%C3%A5/comments", ada, Map.of("body", "x")), "topicId");
        fieldError(http.post("/api/v1/comments/not*an*id/replies", ada, Map.of("body", "x")), "commentId");
        fieldError(http.delete("/api/v1/comments/" + "c".repeat(65), ada), "commentId");
        problem(http.post("/api/v1/topics/no-such-topic/comments", ada, Map.of("body", "x")), 404, "not-found");
        problem(http.post("/api/v1/topics/no-such-topic/lock", maja, null), 404, "not-found");
        problem(http.post("/api/v1/comments/NoSuchComment/replies", ada, Map.of("body", "x")), 404, "not-found");
        problem(http.delete("/api/v1/comments/NoSuchComment", ada), 404, "not-found");
        problem(http.call("GET", "/api/v1/nothing/here").send(), 404, "not-found");
        problem(http.call("GET", TOPIC).send(), 405, "method-not-allowed");
    }

    @Test
    void missingForgedExpiredAndMalformedTokensAre401() {
        Map<String, Object> body = Map.of("body", "Hi");
        List<Response> answers = new ArrayList<>();
        answers.add(http.call("POST", TOPIC + "/comments").json(body).send());
        answers.add(http.post(TOPIC + "/comments", Tokens.mint("another-secret-that-is-long-enough-for-hs256", "ada",
                "Ada", List.of(), Instant.now().plusSeconds(600)), body));
        answers.add(http.post(TOPIC + "/comments", Tokens.mint(Tokens.SECRET, "ada", "Ada", List.of(),
                Instant.now().minusSeconds(600)), body));
        answers.add(http.post(TOPIC + "/comments", "not.a.jwt", body));
        answers.add(http.call("POST", TOPIC + "/comments").header("Authorization", "Basic YWRhOnNlY3JldA==")
                .json(body).send());
        answers.add(http.post(TOPIC + "/comments", Tokens.mint(Tokens.SECRET, "ada@example.com", "Ada", List.of(),
                Instant.now().plusSeconds(600)), body));
        answers.add(http.post(TOPIC + "/comments", Tokens.mint(Tokens.SECRET, "ada", null, List.of(),
                Instant.now().plusSeconds(600)), body));
        answers.add(http.post(TOPIC + "/comments", Tokens.mint(Tokens.SECRET, "ada", "x".repeat(101), List.of(),
                Instant.now().plusSeconds(600)), body));
        for (Response answer : answers) {
            problem(answer, 401, "unauthorized");
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        }
        assertThat(answers.get(2).text("detail")).contains("expired");
    }

    @Test
    void whatTheTokenDoesNotAllowIs403() {
        problem(http.post(TOPIC + "/lock", ada, null), 403, "forbidden");
        problem(http.post(TOPIC + "/unlock", bo, null), 403, "forbidden");
        problem(editAs(bo, comment, "\"1\"", "Not mine"), 403, "forbidden");
        problem(editAs(maja, comment, "\"1\"", "Moderators do not edit"), 403, "forbidden");
        problem(http.delete("/api/v1/comments/" + comment, bo), 403, "forbidden");
    }

    @Test
    void editsNeedTheCurrentRevisionInIfMatch() {
        String own = http.post(TOPIC + "/comments", bo, Map.of("body", "Revisions")).text("commentId");
        problem(http.call("PUT", "/api/v1/comments/" + own).token(bo).json(Map.of("body", "x")).send(),
                428, "precondition-required");
        fieldError(editAs(bo, own, "revision one", "x"), "If-Match");
        assertThat(editAs(bo, own, "\"1\"", "Second").status()).isEqualTo(200);
        Response stale = editAs(bo, own, "\"1\"", "Third");
        problem(stale, 412, "stale-revision");
        assertThat(stale.json().get("currentRevision").asInt()).isEqualTo(2);
        assertThat(stale.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void conflictsAre409() {
        problem(http.post("/api/v1/comments/" + retracted + "/replies", bo, Map.of("body", "x")), 409,
                "comment-retracted");
        problem(editAs(ada, retracted, "\"1\"", "Back"), 409, "comment-retracted");
        Response duplicate = http.post(TOPIC + "/comments", ada, Map.of("body", "The comment "));
        problem(duplicate, 409, "duplicate-post");
        assertThat(duplicate.text("originalCommentId")).isEqualTo(comment);
        problem(http.put(TOPIC, bo, Map.of("title", "Another title")), 409, "topic-exists");

        assertThat(http.put("/api/v1/topics/locked", ada, Map.of("title", "Locked")).status()).isEqualTo(201);
        String before = http.post("/api/v1/topics/locked/comments", ada, Map.of("body", "Before")).text("commentId");
        assertThat(http.post("/api/v1/topics/locked/lock", maja, Map.of("reason", "heated")).status()).isEqualTo(204);
        problem(http.post("/api/v1/topics/locked/comments", bo, Map.of("body", "After")), 409, "topic-locked");
        problem(http.post("/api/v1/comments/" + before + "/replies", bo, Map.of("body", "After")), 409, "topic-locked");
        problem(editAs(ada, before, "\"1\"", "After"), 409, "topic-locked");
        problem(http.post("/api/v1/topics/locked/links", bo, Map.of("url", "https://nrk.no")), 409, "topic-locked");
        assertThat(http.delete("/api/v1/comments/" + before, ada).status()).isEqualTo(204);
    }

    @Test
    void wellFormedRequestsAgainstARuleAre422() {
        problem(http.post(TOPIC + "/links", bo, Map.of("url", "https://nrk.no", "parentId", "NotInThisTopic")), 422,
                "unknown-parent");
        Response first = http.call("POST", TOPIC + "/links").token(bo).header("Idempotency-Key", "k-422")
                .json(Map.of("url", "https://nrk.no/a")).send();
        assertThat(first.status()).isEqualTo(201);
        problem(http.call("POST", TOPIC + "/links").token(bo).header("Idempotency-Key", "k-422")
                .json(Map.of("url", "https://nrk.no/b")).send(), 422, "idempotency-key-reused");
        fieldError(http.call("POST", TOPIC + "/links").token(bo).header("Idempotency-Key", "with space")
                .json(Map.of("url", "https://nrk.no/b")).send(), "Idempotency-Key");
    }

    @Test
    void writesAreRateLimitedPerAuthorWithRetryAfter() {
        String flooder = Tokens.author("flooder", "Flood");
        Response last = null;
        for (int i = 0; i < 300 && (last == null || last.status() != 429); i++) {
            last = http.post(TOPIC + "/lock", flooder, null);
        }
        problem(last, 429, "rate-limited");
        assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(http.post(TOPIC + "/lock", bo, null).status()).as("other authors are not limited").isEqualTo(403);
    }

    @Test
    void healthIsPublicAndUp() {
        Response health = http.call("GET", "/actuator/health").send();
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(http.call("GET", "/actuator/health/liveness").send().status()).isEqualTo(200);
        assertThat(http.call("GET", "/actuator/prometheus").token(Tokens.admin("ops", "Operations")).send().body())
                .contains("jvm_memory_used_bytes");
    }

    private Response editAs(String token, String commentId, String ifMatch, String body) {
        return http.call("PUT", "/api/v1/comments/" + commentId).token(token).header("If-Match", ifMatch)
                .json(Map.of("body", body)).send();
    }

    private static Response fieldError(Response answer, String field) {
        problem(answer, 400, "validation-failed");
        assertThat(answer.json().get("errors")).as(answer.toString())
                .anySatisfy(error -> {
                    assertThat(error.get("field").asText()).isEqualTo(field);
                    assertThat(error.get("message").asText()).isNotBlank();
                });
        return answer;
    }

    private static void problem(Response answer, int status, String slug) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).as(answer.toString()).isEqualTo("urn:commonplace:problem:" + slug);
        assertThat(problem.get("title").asText()).isNotBlank()
                .isEqualTo(ProblemType.fromSlug(slug).orElseThrow().title());
        assertThat(problem.get("status").asInt()).isEqualTo(status)
                .isEqualTo(ProblemType.fromSlug(slug).orElseThrow().status().value());
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception", "\tat ", "commonplace.command.", "commonplace.web.");
    }
}
