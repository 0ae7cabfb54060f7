package commonplace.testing.tokens;

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

/**
 * Mints HS256 tokens the way an issuer sharing the secret would, for tests: an author's, a moderator's and an admin's
 * valid for an hour, any subject, name (of any JSON type), roles and expiry, or a payload exactly as given so that
 * every claim keeps the JSON type the test gives it. (The launcher, the system tests and the benchmark mint the
 * development tokens of {@code commonplace.local.DevelopmentToken}, which take only valid claims.)
 */
public final class TestTokens {

    private final String secret;

    private TestTokens(String secret) {
        this.secret = secret;
    }

    /** Tokens signed with {@code secret} (32 bytes or more, as the services require). */
    public static TestTokens signedWith(String secret) {
        return new TestTokens(secret);
    }

    public String author(String id, String name) {
        return mint(id, name, List.of(), inAnHour());
    }

    public String moderator(String id, String name) {
        return mint(id, name, List.of("moderator"), inAnHour());
    }

    public String admin(String id, String name) {
        return mint(id, name, List.of("admin"), inAnHour());
    }

    /** A token with these claims: {@code iat} two hours before {@code exp}; no name or roles claim when null or empty. */
    public String mint(String subject, Object name, List<String> roles, Instant expiresAt) {
        return mint(secret, subject, name, roles, expiresAt);
    }

    public static String mint(String secret, String subject, Object name, List<String> roles, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(Date.from(expiresAt.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(expiresAt));
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

    /** An HS256 token whose payload is exactly {@code json}, so that every claim keeps the JSON type it is given. */
    public static String hs256(String secret, String json) {
        String signingInput = Base64URL.encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + Base64URL.encode(json);
        try {
            return signingInput + "." + new MACSigner(secret.getBytes(StandardCharsets.UTF_8))
                    .sign(new JWSHeader(JWSAlgorithm.HS256), signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant inAnHour() {
        return Instant.now().plus(Duration.ofHours(1));
    }
}
