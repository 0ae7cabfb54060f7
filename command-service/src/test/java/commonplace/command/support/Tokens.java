package commonplace.command.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Mints HS256 tokens the way an issuer sharing the secret would. */
public final class Tokens {

    public static final String SECRET = "command-service-tests-secret-of-more-than-32-bytes";

    private Tokens() {
    }

    public static String author(String id, String name) {
        return mint(SECRET, id, name, List.of(), Instant.now().plus(Duration.ofHours(1)));
    }

    public static String moderator(String id, String name) {
        return mint(SECRET, id, name, List.of("moderator"), Instant.now().plus(Duration.ofHours(1)));
    }

    public static String admin(String id, String name) {
        return mint(SECRET, id, name, List.of("admin"), Instant.now().plus(Duration.ofHours(1)));
    }

    public static String mint(String secret, String subject, Object name, List<String> roles, Instant expiresAt) {
        try {
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
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
