package commonplace.command.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.util.Base64URL;
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

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static commonplace.testing.tokens.TestTokens.hs256;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile tokens against the running service's security chain: each is a 401 problem (or, too big to be read, a 431)
 * and records nothing; a token with just sub, name, iat, exp and roles works. The query service's TokensTest sends the
 * same tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET, "commonplace.rate-limit.per-minute=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokensTest {

    private static final String TOPIC = "/api/v1/topics/tokens";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IsolatedInfrastructure.forTestClass(TokensTest.class).registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;

    private Http http;

    @BeforeAll
    void aTopic() {
        http = new Http(port);
        assertThat(http.put(TOPIC, Tokens.author("ada", "Ada"), Map.of("title", "Tokens")).status()).isEqualTo(201);
    }

    @Test
    void aTokenWithJustSubNameIatExpAndRolesWorks() throws Exception {
        long now = Instant.now().getEpochSecond();
        String moderator = hs256(Tokens.SECRET, "{\"sub\":\"mo\",\"name\":\"Mo\",\"iat\":" + now + ",\"exp\":"
                + (now + 24 * 3600) + ",\"roles\":[\"moderator\"]}");
        assertThat(http.post(TOPIC + "/lock", moderator, null).status()).isEqualTo(204);
        assertThat(http.post(TOPIC + "/unlock", moderator, null).status()).isEqualTo(204);
    }

    @Test
    void hostileTokensAre401AndRecordNothing() throws Exception {
        long now = Instant.now().getEpochSecond();
        List<String> hostile = List.of(
                hs256(Tokens.SECRET, "{\"sub\":\"mo\",\"name\":\"Mo\",\"iat\":" + now + ",\"roles\":[\"moderator\"]}"),
                hs256(Tokens.SECRET, claims("\"mo\"", now - 3600, now + 24 * 3600, "[\"moderator\"]")),
                hs256(Tokens.SECRET, claims("\"mo\"", now - 7200, now - 600, "[\"moderator\"]")),
                hs256(Tokens.SECRET, claims("\"mo\"", now + 86_400 * 365, now + 86_400 * 365 + 60, "[\"moderator\"]")),
                hs256(Tokens.SECRET, claims("42", now, now + 600, "[\"moderator\"]")),
                hs256(Tokens.SECRET, claims("\"mo\"", now, now + 600, "\"moderator\"")),
                hs256(Tokens.SECRET, claims("\"mo\"", now, now + 600, "[\"moderator\", 1]")),
                hs256(Tokens.SECRET, claims("\"mo\"", now, now + 600, "[[\"moderator\"]]")),
                hs256(Tokens.SECRET, "{\"sub\":\"mo\",\"name\":7,\"iat\":" + now + ",\"exp\":" + (now + 600) + "}"),
                hs256("another-secret-that-is-long-enough-for-hs256", claims("\"mo\"", now, now + 600,
                        "[\"moderator\"]")),
                Base64URL.encode("{\"alg\":\"none\"}") + "." + Base64URL.encode(claims("\"mo\"", now, now + 600,
                        "[\"moderator\"]")) + ".",
                "garbage", "not.a.jwt", "e30.e30.e30");
        for (String token : hostile) {
            Response answer = http.post(TOPIC + "/lock", token, null);
            problem(answer, ProblemType.UNAUTHORIZED);
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        }
        assertThat(http.post(TOPIC + "/comments", Tokens.author("ada", "Ada"), Map.of("body", "still open")).status())
                .as("no lock was recorded").isEqualTo(201);
    }

    @Test
    void aHundredKilobyteTokenIsRefusedBeforeAnythingReadsIt() {
        problem(http.post(TOPIC + "/lock", "e".repeat(100 * 1024), null), ProblemType.HEADERS_TOO_LARGE);
    }

    @Test
    void anAdminIsNoModeratorAndAModeratorNoAdmin() {
        problem(http.post(TOPIC + "/lock", Tokens.admin("ops", "Operations"), null), ProblemType.FORBIDDEN);
        problem(http.call("GET", "/actuator/prometheus").token(Tokens.moderator("mo", "Mo")).send(),
                ProblemType.FORBIDDEN);
    }

    private static String claims(String subject, long issuedAt, long expiresAt, String roles) {
        return "{\"sub\":" + subject + ",\"name\":\"Mo\",\"iat\":" + issuedAt + ",\"exp\":" + expiresAt
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
