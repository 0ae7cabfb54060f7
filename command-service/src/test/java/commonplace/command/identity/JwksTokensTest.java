package commonplace.command.identity;

import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.http.Http;
import commonplace.testing.tokens.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service verifying tokens with a real issuer's JWKS (served over HTTP): only RS256/ES256 tokens signed with its
 * keys, from its issuer and for this audience, get through; the issuer's public key used as an HS256 secret does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=", "commonplace.jwt.issuer=" + JwksTokensTest.ISSUER,
        "commonplace.jwt.audience=" + JwksTokensTest.AUDIENCE, "commonplace.rate-limit.per-minute=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwksTokensTest {

    static final String ISSUER = "https://issuer.example/";
    static final String AUDIENCE = "commonplace";

    private static TestIssuer issuer;

    @DynamicPropertySource
    static void infrastructureAndIssuer(DynamicPropertyRegistry registry) {
        IsolatedInfrastructure.forTestClass(JwksTokensTest.class).registerSpringProperties(registry);
        issuer = TestIssuer.start(ISSUER, AUDIENCE);
        registry.add("commonplace.jwt.jwk-set-uri", issuer::jwkSetUri);
    }

    @AfterAll
    void stopTheIssuer() {
        issuer.close();
    }

    @LocalServerPort
    int port;

    @Test
    void onlyTheIssuersTokensForThisAudienceGetThrough() throws Exception {
        Http http = new Http(port);
        assertThat(http.put("/api/v1/topics/jwks", issuer.rs256("ada", c -> { }), Map.of("title", "JWKS")).status())
                .isEqualTo(201);
        for (String token : List.of(issuer.rs256("ada", c -> c.issuer("https://elsewhere.example/")),
                issuer.rs256("ada", c -> c.issuer(null)), issuer.rs256("ada", c -> c.audience("another-client")),
                issuer.rs256("ada", c -> c.audience((String) null)), issuer.hs256("ada", issuer.publicKeyBytes()),
                issuer.hs256("ada", "a-shared-secret-someone-guessed-of-32-bytes".getBytes(StandardCharsets.UTF_8)))) {
            assertThat(http.post("/api/v1/topics/jwks/comments", token, Map.of("body", "x")).status()).isEqualTo(401);
        }
    }
}
