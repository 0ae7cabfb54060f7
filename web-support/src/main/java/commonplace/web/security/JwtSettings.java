package commonplace.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * How tokens are verified: with the HS256 {@code secret} (its UTF-8 bytes are the key), or, when {@code jwkSetUri}
 * is set, with the keys a production issuer publishes; then the token must come from {@code issuer} and be meant for
 * {@code audience} (both checked whenever set, and required with a JWKS: an issuer signs tokens for every client it
 * serves). No token may live longer than {@code maxLifetime}. The published development secret is accepted only when
 * {@code allowDevelopmentSecret} is set (the local launcher does) and the service listens on loopback alone.
 */
@ConfigurationProperties("commonplace.jwt")
public record JwtSettings(String secret, String jwkSetUri, String issuer, String audience,
                          @DefaultValue("24h") Duration maxLifetime, boolean allowDevelopmentSecret) {

    public static final int MINIMUM_SECRET_BYTES = 32;

    /** The secret the local launcher signs development tokens with; the README publishes it, so anyone can. */
    public static final String DEVELOPMENT_SECRET = "commonplace-local-development-secret-never-use-in-production";

    public boolean usesJwkSet() {
        return isSet(jwkSetUri);
    }

    public boolean checksIssuer() {
        return isSet(issuer);
    }

    public boolean checksAudience() {
        return isSet(audience);
    }

    /** The HS256 key; refuses a missing or short secret, which would make every token easy to forge. */
    public byte[] secretKey() {
        byte[] key = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MINIMUM_SECRET_BYTES) {
            throw InvalidJwtSettingsException.secretTooShort(key.length);
        }
        return key;
    }

    public boolean usesDevelopmentSecret() {
        return !usesJwkSet() && DEVELOPMENT_SECRET.equals(secret);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
