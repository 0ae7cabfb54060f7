package commonplace.command.web;

import commonplace.command.support.Tokens;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.http.Http;
import commonplace.testing.http.RawHttp;
import commonplace.testing.http.RefusedRequestsContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the servlet container and the firewall refuse, answered by the write side as {@link RefusedRequestsContract}
 * says; a broken chunked comment records nothing, and a comment posts afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PathsAndHeadersTest implements RefusedRequestsContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IsolatedInfrastructure.forTestClass(PathsAndHeadersTest.class).registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;

    private final String ada = Tokens.author("ada", "Ada Lovelace");
    private RefusingService refusing;

    @BeforeAll
    void aTopic() {
        Http http = new Http(port);
        assertThat(http.put("/api/v1/topics/paths", ada, Map.of("title", "Paths")).status()).isEqualTo(201);
        refusing = new RefusingService(new RawHttp(port), ada, "/api/v1/topics/paths/comments", true,
                "/api/v1/topics/paths/lock", () -> assertThat(http.post("/api/v1/topics/paths/comments", ada,
                        Map.of("body", "After the broken ones")).status()).isEqualTo(201));
    }

    @Override
    public RefusingService refusing() {
        return refusing;
    }
}
