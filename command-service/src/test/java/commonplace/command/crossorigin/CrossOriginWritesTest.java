package commonplace.command.crossorigin;

import commonplace.command.support.Tokens;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.http.Http;
import commonplace.testing.http.Http.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pages of the configured origins may write (the widget's preflights and answers through the real security chain);
 * any other origin is refused; credentials are never cookies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET,
        "COMMONPLACE_ALLOWED_ORIGINS=https://www.example.no, https://*.podkast.example.no"})
@AutoConfigureObservability
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossOriginWritesTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IsolatedInfrastructure.forTestClass(CrossOriginWritesTest.class).registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;

    private Response preflight(String origin, String method, String headers) {
        return new Http(port).call("OPTIONS", "/api/v1/comments/some-comment")
                .header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers).send();
    }

    @Test
    void anAllowedOriginMayEditWithTheWidgetsHeaders() {
        for (String origin : new String[]{"https://www.example.no", "https://ep.podkast.example.no"}) {
            Response allowed = preflight(origin, "PUT", "authorization,content-type,if-match,idempotency-key");
            assertThat(allowed.status()).as(origin).isEqualTo(200);
            assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(origin);
            assertThat(allowed.header("Access-Control-Allow-Methods")).contains("PUT").contains("DELETE");
            assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("if-match")
                    .containsIgnoringCase("idempotency-key").containsIgnoringCase("authorization");
            assertThat(allowed.header("Access-Control-Allow-Credentials")).isNull();
        }
    }

    @Test
    void anAnswerToAnAllowedOriginExposesWhatTheWidgetReads() {
        Http http = new Http(port);
        String ada = Tokens.author("ada", "Ada Lovelace");
        Response opened = http.call("PUT", "/api/v1/topics/cross-origin").token(ada)
                .header("Origin", "https://www.example.no").json(Map.of("title", "Cross origin")).send();
        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.header("Access-Control-Allow-Origin")).isEqualTo("https://www.example.no");
        assertThat(opened.header("Access-Control-Expose-Headers")).contains("ETag").contains("Location")
                .contains("X-Commonplace-Position");
    }

    @Test
    void otherOriginsAndMethodsAreRefused() {
        for (String origin : new String[]{"https://evil.example", "http://www.example.no", "https://example.no",
                "https://www.example.no.evil.example", "null"}) {
            assertThat(preflight(origin, "POST", "authorization").status()).as(origin).isEqualTo(403);
        }
        assertThat(preflight("https://www.example.no", "PATCH", "authorization").status()).isEqualTo(403);
        assertThat(preflight("https://www.example.no", "POST", "cookie,x-forged").status()).isEqualTo(403);
    }

    @Test
    void aWildcardOrAnAddressThatIsNoOriginIsNotAccepted() {
        assertThatThrownBy(() -> CrossOriginWrites.origins("https://a.example,*"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CrossOriginWrites.origins("javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CrossOriginWrites.origins(CrossOriginWrites.LOCAL_ORIGINS)).hasSize(3);
    }
}
