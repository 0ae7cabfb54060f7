package commonplace.query;

import commonplace.testing.http.Http.Response;
import commonplace.web.problem.ProblemType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the running service shows to whom: its health and the reads to anyone (a broken token does not matter); its
 * metrics, its info and the admin API (status, rebuild) to an admin token only: 401 without a token, 403 with any
 * other. The command service's ExposureTest checks the same.
 */
class ExposureTest extends QueryServiceTestBase {

    @Test
    void healthAndReadsArePublicEvenWithABrokenToken() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/api/v1/topics"}) {
            assertThat(get(path).status()).as(path).isEqualTo(200);
            assertThat(withToken("GET", path, "not.a.token").status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void metricsInfoAndTheAdminApiNeedAnAdminToken() {
        String author = TestTokens.mint("ada", "Ada", List.of(), Instant.now().plusSeconds(600));
        String moderator = TestTokens.mint("mo", "Mo", List.of("moderator"), Instant.now().plusSeconds(600));
        for (String path : new String[] {"/api/v1/admin/projections", "/actuator/prometheus", "/actuator/info",
                "/actuator", "/actuator/env"}) {
            Response anonymous = get(path);
            problem(anonymous, ProblemType.UNAUTHORIZED);
            assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");
            problem(withToken("GET", path, "not.a.token"), ProblemType.UNAUTHORIZED);
            problem(withToken("GET", path, author), ProblemType.FORBIDDEN);
            problem(withToken("GET", path, moderator), ProblemType.FORBIDDEN);
        }
        problem(withToken("POST", "/api/v1/admin/projections/rebuild", moderator), ProblemType.FORBIDDEN);
        Response status = getAsAdmin("/api/v1/admin/projections");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().has("readModels")).isTrue();
        assertThat(getAsAdmin("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        assertThat(getAsAdmin("/actuator/info").status()).isEqualTo(200);
        problem(getAsAdmin("/actuator/env"), ProblemType.NOT_FOUND);
    }

    @Test
    void aReadThatAcceptsNoJsonIsAnsweredInJsonAnyway() {
        for (String accept : new String[] {"text/plain", "application/xml", "%%%"}) {
            Response answer = call("GET", "/api/v1/topics").header("Accept", accept).send();
            assertThat(answer.status()).as(accept).isEqualTo(200);
            assertThat(answer.header("Content-Type")).startsWith("application/json");
            Response status = call("GET", "/api/v1/admin/projections").header("Accept", accept)
                    .token(TestTokens.admin()).send();
            assertThat(status.status()).as(accept).isEqualTo(200);
        }
    }

    private Response withToken(String method, String path, String token) {
        return call(method, path).token(token).send();
    }

    private static void problem(Response answer, ProblemType type) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(type.status().value());
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asText()).isEqualTo(type.type().toString());
        assertThat(answer.json().get("title").asText()).isEqualTo(type.title());
    }
}
