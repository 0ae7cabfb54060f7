package commonplace.command.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.http.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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

    private static final RSAKey KEY = generate();
    private static HttpServer issuer;

    @DynamicPropertySource
    static void infrastructureAndIssuer(DynamicPropertyRegistry registry) throws IOException {
        IsolatedInfrastructure.forTestClass(JwksTokensTest.class).registerSpringProperties(registry);
        byte[] keys = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        issuer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        issuer.start();
        registry.add("commonplace.jwt.jwk-set-uri", () -> "http://127.0.0.1:" + issuer.getAddress().getPort() + "/jwks");
    }

    @AfterAll
    void stopTheIssuer() {
        issuer.stop(0);
    }

    @LocalServerPort
    int port;

    @Test
    void onlyTheIssuersTokensForThisAudienceGetThrough() throws Exception {
        Http http = new Http(port);
        assertThat(http.put("/api/v1/topics/jwks", rs256(c -> { }), Map.of("title", "JWKS")).status()).isEqualTo(201);
        for (String token : List.of(rs256(c -> c.issuer("https://elsewhere.example/")), rs256(c -> c.issuer(null)),
                rs256(c -> c.audience("another-client")), rs256(c -> c.audience((String) null)),
                hs256(KEY.toRSAPublicKey().getEncoded()),
                hs256("a-shared-secret-someone-guessed-of-32-bytes".getBytes(StandardCharsets.UTF_8)))) {
            assertThat(http.post("/api/v1/topics/jwks/comments", token, Map.of("body", "x")).status()).isEqualTo(401);
        }
    }

    private static String rs256(Consumer<JWTClaimsSet.Builder> change) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
                claims(change));
        jwt.sign(new RSASSASigner(KEY));
        return jwt.serialize();
    }

    private static String hs256(byte[] secret) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID()).build(),
                claims(c -> { }));
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("ada").claim("name", "Ada")
                .issuer(ISSUER).audience(AUDIENCE).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
        change.accept(claims);
        return claims.build();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("issuer-1").generate();
        } catch (JOSEException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
