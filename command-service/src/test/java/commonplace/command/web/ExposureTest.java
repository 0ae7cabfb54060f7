package commonplace.command.web;

import commonplace.command.support.Tokens;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.http.Http;
import commonplace.testing.http.Http.Response;
import commonplace.web.problem.ProblemType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the running service shows to whom: its health to anyone; its metrics, its info and the admin API to an admin
 * token only (401 without a token, 403 with any other). The query service's ExposureTest checks the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET})
@AutoConfigureObservability
class ExposureTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IsolatedInfrastructure.forTestClass(ExposureTest.class).registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void healthIsPublicEvenWithABrokenToken() {
        Http http = new Http(port);
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            assertThat(http.call("GET", path).send().status()).as(path).isEqualTo(200);
            assertThat(http.call("GET", path).token("not.a.token").send().status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void metricsInfoAndTheAdminApiNeedAnAdminToken() {
        Http http = new Http(port);
        for (String path : new String[] {"/actuator/prometheus", "/actuator/info", "/actuator", "/actuator/metrics",
                "/actuator/env", "/api/v1/admin/imports"}) {
            Response anonymous = http.call("GET", path).send();
            problem(anonymous, ProblemType.UNAUTHORIZED);
            assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");
            problem(http.call("GET", path).token("not.a.token").send(), ProblemType.UNAUTHORIZED);
            problem(http.call("GET", path).token(Tokens.author("ada", "Ada")).send(), ProblemType.FORBIDDEN);
            problem(http.call("GET", path).token(Tokens.moderator("mo", "Mo")).send(), ProblemType.FORBIDDEN);
        }
        problem(http.call("POST", "/api/v1/admin/imports").token(Tokens.moderator("mo", "Mo")).send(),
                ProblemType.FORBIDDEN);
        String admin = Tokens.admin("ops", "Operations");
        Response metrics = http.call("GET", "/actuator/prometheus").token(admin).send();
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(http.call("GET", "/actuator/info").token(admin).send().status()).isEqualTo(200);
        // only health, info and prometheus are exposed at all
        problem(http.call("GET", "/actuator/env").token(admin).send(), ProblemType.NOT_FOUND);
        problem(http.call("GET", "/api/v1/admin/nothing-here").token(admin).send(), ProblemType.NOT_FOUND);
    }

    private static void problem(Response answer, ProblemType type) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(type.status().value());
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo(type.type().toString());
        assertThat(answer.text("title")).isEqualTo(type.title());
    }
}
