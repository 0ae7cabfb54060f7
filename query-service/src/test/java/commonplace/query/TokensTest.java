package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.util.Base64URL;
import commonplace.testing.http.Http.Response;
import commonplace.web.problem.ProblemType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile tokens against the running service's security chain, the same the command service's TokensTest sends:
 * each is a 401 problem (or, too big to be read, a 431); a token with just sub, name, iat, exp and roles works.
 */
class TokensTest extends QueryServiceTestBase {

    private static final String STATUS = "/api/v1/admin/projections";

    @Test
    void aTokenWithJustSubNameIatExpAndRolesWorks() {
        long now = Instant.now().getEpochSecond();
        String admin = TestTokens.hs256(TestTokens.SECRET, "{\"sub\":\"ops\",\"name\":\"Ops\",\"iat\":" + now
                + ",\"exp\":" + (now + 24 * 3600) + ",\"roles\":[\"admin\"]}");
        assertThat(withToken(STATUS, admin).status()).isEqualTo(200);
    }

    @Test
    void hostileTokensAre401() {
        long now = Instant.now().getEpochSecond();
        List<String> hostile = List.of(
                TestTokens.hs256(TestTokens.SECRET, "{\"sub\":\"ops\",\"name\":\"Ops\",\"iat\":" + now
                        + ",\"roles\":[\"admin\"]}"),
                TestTokens.hs256(TestTokens.SECRET, claims("\"ops\"", now - 3600, now + 24 * 3600, "[\"admin\"]")),
                TestTokens.hs256(TestTokens.SECRET, claims("\"ops\"", now - 7200, now - 600, "[\"admin\"]")),
                TestTokens.hs256(TestTokens.SECRET, claims("\"ops\"", now + 86_400 * 365, now + 86_400 * 365 + 60,
                        "[\"admin\"]")),
                TestTokens.hs256(TestTokens.SECRET, claims("42", now, now + 600, "[\"admin\"]")),
                TestTokens.hs256(TestTokens.SECRET, claims("\"ops\"", now, now + 600, "\"admin\"")),
                TestTokens.hs256(TestTokens.SECRET, claims("\"ops\"", now, now + 600, "[\"admin\", 1]")),
                TestTokens.hs256(TestTokens.SECRET, claims("\"ops\"", now, now + 600, "[[\"admin\"]]")),
                TestTokens.hs256(TestTokens.SECRET, "{\"sub\":\"ops\",\"name\":7,\"iat\":" + now + ",\"exp\":"
                        + (now + 600) + ",\"roles\":[\"admin\"]}"),
                TestTokens.hs256("another-secret-that-is-long-enough-for-hs256", claims("\"ops\"", now, now + 600,
                        "[\"admin\"]")),
                Base64URL.encode("{\"alg\":\"none\"}") + "." + Base64URL.encode(claims("\"ops\"", now, now + 600,
                        "[\"admin\"]")) + ".",
                "garbage", "not.a.jwt", "e30.e30.e30");
        for (String token : hostile) {
            Response answer = withToken(STATUS, token);
            problem(answer, ProblemType.UNAUTHORIZED);
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        }
    }

    @Test
    void aHundredKilobyteTokenIsRefusedBeforeAnythingReadsIt() {
        problem(withToken(STATUS, "e".repeat(100 * 1024)), ProblemType.HEADERS_TOO_LARGE);
    }

    @Test
    void aModeratorIsNoAdmin() {
        problem(withToken(STATUS, TestTokens.mint("mo", "Mo", List.of("moderator"), Instant.now().plusSeconds(600))),
                ProblemType.FORBIDDEN);
    }

    private Response withToken(String path, String token) {
        return call("GET", path).token(token).send();
    }

    private static String claims(String subject, long issuedAt, long expiresAt, String roles) {
        return "{\"sub\":" + subject + ",\"name\":\"Ops\",\"iat\":" + issuedAt + ",\"exp\":" + expiresAt
                + ",\"roles\":" + roles + "}";
    }

    private static void problem(Response answer, ProblemType type) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(type.status().value());
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).isEqualTo(type.type().toString());
        assertThat(problem.get("title").asText()).isEqualTo(type.title());
    }
}
