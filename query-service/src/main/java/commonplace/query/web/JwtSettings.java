package commonplace.query.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.charset.StandardCharsets;

/**
 * How tokens are verified: the shared HS256 secret, or the production issuer's JWKS when {@code jwkSetUri} is set.
 */
@ConfigurationProperties("commonplace.jwt")
record JwtSettings(String secret, String jwkSetUri) {

    static final int MIN_SECRET_BYTES = 32;

    boolean usesJwkSet() {
        return jwkSetUri != null && !jwkSetUri.isBlank();
    }

    /** The secret's bytes; refuses a missing or short one so the service does not start with a guessable key. */
    byte[] secretBytes() {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new MissingJwtSecretException(bytes.length);
        }
        return bytes;
    }

    /** The service cannot verify tokens: no JWKS and no secret of at least 32 bytes. */
    static final class MissingJwtSecretException extends IllegalStateException {

        MissingJwtSecretException(int length) {
            super("COMMONPLACE_JWT_SECRET must be set to at least " + MIN_SECRET_BYTES + " bytes (it has " + length
                    + "), or COMMONPLACE_JWT_JWK_SET_URI to the issuer's JWKS");
        }
    }
}
