package commonplace.query;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Mints HS256 tokens with the tests' secret, the way an issuer sharing it would. */
final class TestTokens {

    static final String SECRET = "query-service-tests-secret-long-enough-for-hs256";

    private TestTokens() {
    }

    /** An HS256 token whose payload is exactly {@code json}, so that every claim keeps the JSON type it is given. */
    static String hs256(String secret, String json) {
        String signingInput = Base64URL.encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + Base64URL.encode(json);
        try {
            return signingInput + "." + new MACSigner(secret.getBytes(StandardCharsets.UTF_8))
                    .sign(new JWSHeader(JWSAlgorithm.HS256), signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String admin() {
        return mint("ops", "Operations", List.of("admin"), Instant.now().plusSeconds(600));
    }

    static String mint(String subject, Object name, List<String> roles, Instant expiresAt) {
        return mint(SECRET, subject, name, roles, expiresAt);
    }

    static String mint(String secret, String subject, Object name, List<String> roles, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject)
                .issueTime(Date.from(expiresAt.minus(Duration.ofHours(2)))).expirationTime(Date.from(expiresAt));
        if (name != null) {
            claims.claim("name", name);
        }
        if (!roles.isEmpty()) {
            claims.claim("roles", roles);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
