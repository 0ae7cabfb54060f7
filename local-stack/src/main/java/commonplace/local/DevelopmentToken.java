package commonplace.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A token as the services expect it (docs/api.md, Identity): HS256, {@code sub}, {@code name}, {@code iat}, {@code exp}
 * and, when it grants any, {@code roles} as a JSON array ({@code moderator}, {@code admin}).
 */
public record DevelopmentToken(String authorId, String name, List<String> roles, Duration validity) {

    /** The same shape as {@code commonplace.events.Identifiers.AUTHOR_ID}, which the services check. */
    private static final Pattern AUTHOR_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MAXIMUM_NAME_LENGTH = 100;
    private static final Set<String> ROLES = Set.of("moderator", "admin");

    public DevelopmentToken {
        if (authorId == null || !AUTHOR_ID.matcher(authorId).matches()) {
            throw new IllegalArgumentException("the author id must be 1 to 64 of A-Z a-z 0-9 . _ - (got '"
                    + authorId + "')");
        }
        if (name == null || name.isBlank() || name.codePointCount(0, name.length()) > MAXIMUM_NAME_LENGTH) {
            throw new IllegalArgumentException("the display name must be 1 to " + MAXIMUM_NAME_LENGTH + " characters");
        }
        roles = List.copyOf(roles);
        if (!ROLES.containsAll(roles)) {
            throw new IllegalArgumentException("the roles are moderator and admin (got " + roles + ")");
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("the token must be valid for a positive time");
        }
    }

    /** A token valid from now, signed with {@code secret}: for tests and tools that talk to the services. */
    public static String sign(String secret, String authorId, String name, List<String> roles, Duration validity) {
        return new DevelopmentToken(authorId, name, roles, validity).sign(new JwtSecret(secret, false), Instant.now());
    }

    /** As {@link #sign(String, String, String, List, Duration)}, with the moderator role or none. */
    public static String sign(String secret, String authorId, String name, boolean moderator, Duration validity) {
        return sign(secret, authorId, name, moderator ? List.of("moderator") : List.of(), validity);
    }

    String sign(JwtSecret secret, Instant now) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(authorId)
                .claim("name", name)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validity)));
        if (!roles.isEmpty()) {
            claims.claim("roles", roles);
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new MACSigner(secret.bytes()));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign the token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
