package commonplace.testing.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the servlet container or the security firewall refuse before Spring MVC sees them, as tests each service's
 * test class takes on by implementing this: every one is answered with a problem of the catalogue, never Tomcat's HTML
 * page or Spring Boot's error JSON, and never echoes what was sent. Sent over raw sockets: Java's HttpClient refuses
 * to send most of them.
 */
public interface RefusedRequestsContract {

    /** What the requests carry that no answer may repeat. */
    String MARK = "zzq";

    /**
     * The service under test: a raw client to it, a valid token, a path it takes POSTs on and whether it reads their
     * JSON body (with that token), one whose POST reads none, and a check that it still serves normally after the
     * broken requests.
     */
    record RefusingService(RawHttp raw, String token, String post, boolean postReadsItsBody, String postReadingNoBody,
                           Runnable stillServes) {
    }

    RefusingService refusing();

    @Test
    default void whatTomcatRefusesInThePathIsAMalformedRequestProblem() {
        for (String target : new String[] {"/api/v1/topics/" + MARK + "%00x", "/api/v1/topics/" + MARK + "%2Fx",
                "/api/v1/topics/" + MARK + "%5Cx", "/api/v1/topics/" + MARK + "|x", "/api/v1/topics/" + MARK + "{x}",
                "/api/v1/topics/" + MARK + "\"x", "/api/v1/topics/" + MARK + "<x>", "/api/v1/topics/" + MARK + "\u0001",
                "/api/v1/topics/" + MARK + "%zz", "http://elsewhere.example/api/v1/topics/" + MARK}) {
            problem(refusing().raw().get(target, ""), 400, "malformed-request");
        }
    }

    @Test
    default void whatTheFirewallRefusesIsAMalformedRequestProblem() {
        for (String target : new String[] {"/api/v1/topics/" + MARK + ";jsessionid=1", "/api/v1//topics/" + MARK,
                "/api/v1/topics/../topics/" + MARK, "/api/v1/topics/" + MARK + "%25x", "/api/v1/topics/%2e%2e/" + MARK,
                "/api/v1/topics/" + MARK + "%3Bx", "/api/v1/topics/" + MARK + "%0Ax"}) {
            problem(refusing().raw().get(target, ""), 400, "malformed-request");
        }
    }

    /** Tomcat strips path parameters before it decodes the path; a broken escape in one is refused all the same. */
    @Test
    default void aBrokenPercentEscapeInAPathParameterIsAMalformedRequestProblem() {
        for (String target : new String[] {"/;%", "/api/v1/topics/" + MARK + ";%", "/api/v1/topics/" + MARK + ";a=%zz",
                "/;x=%4", "/api/v1/;%g0/topics"}) {
            problem(refusing().raw().get(target, ""), 400, "malformed-request");
            assertThat(refusing().raw().send("HEAD " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close"
                    + "\r\n\r\n").status()).as("HEAD " + target).isEqualTo(400);
        }
    }

    @Test
    default void aRequestLineOrHeadersOverTheLimitAreRefusedAsTooLarge() {
        RawHttp raw = refusing().raw();
        problem(raw.get("/api/v1/topics/" + MARK + "x".repeat(9 * 1024), ""), 431, "headers-too-large");
        problem(raw.get("/api/v1/topics/paths", "X-Filler: " + MARK + "y".repeat(9 * 1024) + "\r\n"), 431,
                "headers-too-large");
        problem(raw.send("POST " + refusing().post() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close"
                + "\r\nAuthorization: Bearer " + "e".repeat(100 * 1024) + "\r\nContent-Length: 0\r\n\r\n"), 431,
                "headers-too-large");
    }

    @Test
    default void brokenHeadersAndRequestLinesAreMalformedRequests() {
        RawHttp raw = refusing().raw();
        problem(raw.get("/api/v1/topics/paths", "X-Broken: " + MARK + "\u0000x\r\n"), 400, "malformed-request");
        problem(raw.get("/api/v1/topics/paths", "X Broken" + MARK + ": x\r\n"), 400, "malformed-request");
        problem(raw.send("G(ET /api/v1/topics/" + MARK + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400,
                "malformed-request");
        problem(raw.send("GET /api/v1/topics/paths HTTP/1.1\r\nConnection: close\r\n\r\n"), 400, "malformed-request");
        problem(raw.send("GET /api/v1/topics/paths HTTP/2.0\r\nHost: x\r\nConnection: close\r\n\r\n"), 505,
                "http-version-not-supported");
        problem(raw.get("/api/v1/topics/paths", "Expect: " + MARK + "\r\n"), 417, "expectation-failed");
    }

    @Test
    default void methodsNoEndpointHasAreRefusedAsProblems() {
        RawHttp raw = refusing().raw();
        for (String requestLine : new String[] {"TRACE /api/v1/topics/paths", "CONNECT 127.0.0.1:80",
                "ZZQ /api/v1/topics/paths"}) {
            problem(raw.send(requestLine + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 501,
                    "not-implemented");
        }
    }

    @Test
    default void aMalformedChunkedBodyIsAMalformedRequestWhetherItIsReadOrSkipped() {
        RawHttp raw = refusing().raw();
        if (refusing().postReadsItsBody()) {
            String head = "POST " + refusing().post() + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + refusing().token() + "\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n";
            problem(raw.send(head, ("zz\r\n{\"body\": \"" + MARK + "\"}\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8)), 400, "malformed-request");
            problem(raw.send(head, ("5\r\n{\"bod\r\n1ffffffffffffffff\r\n").getBytes(StandardCharsets.UTF_8)), 400,
                    "malformed-request");
        }
        String form = "PUT /api/v1/topics/paths HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n";
        problem(raw.send(form, ("zz\r\ntitle=" + MARK + "\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8)), 400,
                "malformed-request");
        // where nothing reads the body, Tomcat finds the broken chunk while it skips the body: a refusal already
        // answered (403) stands, one still being answered becomes a 400; either way a problem, and the connection closes
        String noBodyRead = "POST " + refusing().postReadingNoBody() + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Authorization: Bearer " + refusing().token() + "\r\nTransfer-Encoding: chunked\r\n\r\n";
        RawHttp.Answer skipped = raw.send(noBodyRead, ("zz\r\n" + MARK + "\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        if (skipped.status() == 403) {
            problem(skipped, 403, "forbidden");
        } else {
            problem(skipped, 400, "malformed-request");
        }
        refusing().stillServes().run();
    }

    /** A problem of the catalogue with this status and type, which repeats nothing of the request. */
    static void problem(RawHttp.Answer answer, int status, String slug) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).as(answer.toString()).isEqualTo("urn:commonplace:problem:" + slug);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain(MARK, "<html", "Exception", "\tat ");
    }
}
