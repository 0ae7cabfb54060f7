package commonplace.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.charset.StandardCharsets;

/**
 * How tokens are verified: with the HS256 {@code secret} (its UTF-8 bytes are the key), or, when {@code jwkSetUri}
 * is set, with the keys a production issuer publishes.
 */
@ConfigurationProperties("commonplace.jwt")
public record JwtSettings(String secret, String jwkSetUri) {

    public static final int MINIMUM_SECRET_BYTES = 32;

    public boolean usesJwkSet() {
        return jwkSetUri != null && !jwkSetUri.isBlank();
    }

    /** The HS256 key; refuses a missing or short secret, which would make every token easy to forge. */
    public byte[] secretKey() {
        byte[] key = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MINIMUM_SECRET_BYTES) {
            throw InvalidJwtSettingsException.secretTooShort(key.length);
        }
        return key;
    }
}
