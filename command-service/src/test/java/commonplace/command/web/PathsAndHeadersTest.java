package commonplace.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.command.support.Tokens;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.http.Http;
import commonplace.testing.http.RawHttp;
import commonplace.web.problem.ProblemType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the servlet container or the security firewall refuse before Spring MVC sees them are answered with a
 * problem of the catalogue, never Tomcat's HTML page or Spring Boot's error JSON, and never echo what was sent. Sent
 * over raw sockets: Java's HttpClient refuses to send most of them. The query service's PathsAndHeadersTest sends
 * the same requests and expects the same answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PathsAndHeadersTest {

    /** What the request carries that the answer must never repeat. */
    private static final String MARK = "zzq";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IsolatedInfrastructure.forTestClass(PathsAndHeadersTest.class).registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;

    private RawHttp raw;
    private final String ada = Tokens.author("ada", "Ada Lovelace");

    @BeforeAll
    void aTopic() {
        raw = new RawHttp(port);
        assertThat(new Http(port).put("/api/v1/topics/paths", ada, Map.of("title", "Paths")).status()).isEqualTo(201);
    }

    @Test
    void whatTomcatRefusesInThePathIsAMalformedRequestProblem() {
        for (String target : new String[] {"/api/v1/topics/" + MARK + "%00x", "/api/v1/topics/" + MARK + "%2Fx",
                "/api/v1/topics/" + MARK + "%5Cx", "/api/v1/topics/" + MARK + "|x", "/api/v1/topics/" + MARK + "{x}",
                "/api/v1/topics/" + MARK + "\"x", "/api/v1/topics/" + MARK + "<x>", "/api/v1/topics/" + MARK + "\u0001",
                "/api/v1/topics/" + MARK + "%zz", "http://elsewhere.example/api/v1/topics/" + MARK}) {
            problem(raw.get(target, ""), ProblemType.MALFORMED_REQUEST);
        }
    }

    @Test
    void whatTheFirewallRefusesIsAMalformedRequestProblem() {
        for (String target : new String[] {"/api/v1/topics/" + MARK + ";jsessionid=1", "/api/v1//topics/" + MARK,
                "/api/v1/topics/../topics/" + MARK, "/api/v1/topics/" + MARK + "%25x", "/api/v1/topics/%2e%2e/" + MARK,
                "/api/v1/topics/" + MARK + "%3Bx", "/api/v1/topics/" + MARK + "%0Ax"}) {
            problem(raw.get(target, ""), ProblemType.MALFORMED_REQUEST);
        }
    }

    /** Tomcat strips path parameters before it decodes the path; a broken escape in one is refused all the same. */
    @Test
    void aBrokenPercentEscapeInAPathParameterIsAMalformedRequestProblem() {
        for (String target : new String[] {"/;%", "/api/v1/topics/" + MARK + ";%", "/api/v1/topics/" + MARK + ";a=%zz",
                "/;x=%4", "/api/v1/;%g0/topics"}) {
            problem(raw.get(target, ""), ProblemType.MALFORMED_REQUEST);
            assertThat(raw.send("HEAD " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .status()).as("HEAD " + target).isEqualTo(400);
        }
    }

    @Test
    void aRequestLineOrHeadersOverTheLimitAreRefusedAsTooLarge() {
        problem(raw.get("/api/v1/topics/" + MARK + "x".repeat(9 * 1024), ""), ProblemType.HEADERS_TOO_LARGE);
        problem(raw.get("/api/v1/topics/paths", "X-Filler: " + MARK + "y".repeat(9 * 1024) + "\r\n"),
                ProblemType.HEADERS_TOO_LARGE);
        problem(raw.send("POST /api/v1/topics/paths/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Authorization: Bearer " + "e".repeat(100 * 1024) + "\r\nContent-Length: 0\r\n\r\n"),
                ProblemType.HEADERS_TOO_LARGE);
    }

    @Test
    void brokenHeadersAndRequestLinesAreMalformedRequests() {
        problem(raw.get("/api/v1/topics/paths", "X-Broken: " + MARK + "\u0000x\r\n"), ProblemType.MALFORMED_REQUEST);
        problem(raw.get("/api/v1/topics/paths", "X Broken" + MARK + ": x\r\n"), ProblemType.MALFORMED_REQUEST);
        problem(raw.send("G(ET /api/v1/topics/" + MARK + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                ProblemType.MALFORMED_REQUEST);
        problem(raw.send("GET /api/v1/topics/paths HTTP/1.1\r\nConnection: close\r\n\r\n"),
                ProblemType.MALFORMED_REQUEST);
        problem(raw.send("GET /api/v1/topics/paths HTTP/2.0\r\nHost: x\r\nConnection: close\r\n\r\n"),
                ProblemType.HTTP_VERSION_NOT_SUPPORTED);
        problem(raw.get("/api/v1/topics/paths", "Expect: " + MARK + "\r\n"), ProblemType.EXPECTATION_FAILED);
    }

    @Test
    void methodsNoEndpointHasAreRefusedAsProblems() {
        problem(raw.send("TRACE /api/v1/topics/paths HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                ProblemType.NOT_IMPLEMENTED);
        problem(raw.send("CONNECT 127.0.0.1:80 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                ProblemType.NOT_IMPLEMENTED);
        problem(raw.send("ZZQ /api/v1/topics/paths HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                ProblemType.NOT_IMPLEMENTED);
    }

    @Test
    void aMalformedChunkedBodyIsAMalformedRequestAndNothingIsRecorded() {
        String head = "POST /api/v1/topics/paths/comments HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Authorization: Bearer " + ada + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";
        problem(raw.send(head, ("zz\r\n{\"body\": \"" + MARK + "\"}\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8)),
                ProblemType.MALFORMED_REQUEST);
        problem(raw.send(head, ("5\r\n{\"bod\r\n1ffffffffffffffff\r\n").getBytes(StandardCharsets.UTF_8)),
                ProblemType.MALFORMED_REQUEST);
        String form = "PUT /api/v1/topics/paths HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n";
        problem(raw.send(form, ("zz\r\ntitle=" + MARK + "\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8)),
                ProblemType.MALFORMED_REQUEST);
        // where nothing reads the body, Tomcat finds the broken chunk while it skips the body: a refusal already
        // answered (403) stands, one still being answered becomes a 400; either way a problem, and the connection closes
        String noBodyRead = "POST /api/v1/topics/paths/lock HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Authorization: Bearer " + ada + "\r\nTransfer-Encoding: chunked\r\n\r\n";
        RawHttp.Answer skipped = raw.send(noBodyRead, ("zz\r\n" + MARK + "\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        problem(skipped, skipped.status() == 403 ? ProblemType.FORBIDDEN : ProblemType.MALFORMED_REQUEST);
        assertThat(new Http(port).post("/api/v1/topics/paths/comments", ada, Map.of("body", "After the broken ones"))
                .status()).isEqualTo(201);
    }

    static void problem(RawHttp.Answer answer, ProblemType type) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(type.status().value());
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).as(answer.toString()).isEqualTo(type.type().toString());
        assertThat(problem.get("title").asText()).isEqualTo(type.title());
        assertThat(problem.get("status").asInt()).isEqualTo(type.status().value());
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain(MARK, "<html", "Exception", "\tat ");
    }
}
