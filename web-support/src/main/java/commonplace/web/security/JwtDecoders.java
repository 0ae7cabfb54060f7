package commonplace.web.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The one token decoder both services use: RS256 or ES256 signatures with the keys of a JWKS when one is configured,
 * else HS256 with the shared secret (no other algorithm, never {@code none}); then the same validators: not expired
 * or early, issuer and audience when configured, a token that names an author; and the contract's claims as the
 * token's JSON has them ({@link ContractClaimsJwtDecoder}: exact types, {@code exp} required, the lifetime bounded).
 */
public final class JwtDecoders {

    private JwtDecoders() {
    }

    /**
     * @param serverAddress what the service listens on ({@code server.address}; null or empty: every interface), for
     *                      the rule that only a service on loopback may take the development secret
     */
    public static JwtDecoder create(JwtSettings settings, String serverAddress, Clock clock) {
        check(settings, serverAddress);
        NimbusJwtDecoder decoder = settings.usesJwkSet()
                ? NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri())
                        .jwsAlgorithm(SignatureAlgorithm.RS256).jwsAlgorithm(SignatureAlgorithm.ES256).build()
                : NimbusJwtDecoder.withSecretKey(new SecretKeySpec(settings.secretKey(), "HmacSHA256"))
                        .macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators(settings)));
        return new ContractClaimsJwtDecoder(decoder, settings.maxLifetime(), clock);
    }

    /** Verified tokens remembered at most ({@code commonplace.jwt.cache-size}; 0 turns the cache off). */
    public static final int DEFAULT_CACHE_SIZE = 10_000;
    /** How long a verified token is remembered at most, however far its exp ({@code commonplace.jwt.cache-ttl}). */
    public static final java.time.Duration DEFAULT_CACHE_TTL = java.time.Duration.ofMinutes(5);

    /**
     * The decoder with its successes remembered ({@link VerifiedTokenCache}): at most {@code size} tokens, each until
     * its exp and at most {@code ttl}; {@code size} 0 or a ttl of zero: every request verifies its token.
     */
    public static JwtDecoder cached(JwtDecoder decoder, int size, java.time.Duration ttl, Clock clock) {
        if (size <= 0 || ttl == null || ttl.isZero() || ttl.isNegative()) {
            return decoder;
        }
        return new VerifiedTokenCache(decoder, size, ttl, clock);
    }

    /**
     * Refuses settings that cannot verify tokens safely: no lifetime, a JWKS without issuer and audience, a missing
     * or short secret, the published development secret anywhere but under {@code ./commonplace up}.
     */
    public static void check(JwtSettings settings, String serverAddress) {
        if (settings.maxLifetime() == null || settings.maxLifetime().isNegative() || settings.maxLifetime().isZero()) {
            throw InvalidJwtSettingsException.lifetimeNotPositive();
        }
        if (settings.usesJwkSet()) {
            if (!settings.checksIssuer() || !settings.checksAudience()) {
                throw InvalidJwtSettingsException.issuerAndAudienceRequired();
            }
            return;
        }
        settings.secretKey();
        if (settings.usesDevelopmentSecret() && !(settings.allowDevelopmentSecret() && isLoopback(serverAddress))) {
            throw InvalidJwtSettingsException.developmentSecret();
        }
    }

    private static List<OAuth2TokenValidator<Jwt>> validators(JwtSettings settings) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefault());
        if (settings.checksIssuer()) {
            validators.add(new JwtIssuerValidator(settings.issuer()));
        }
        if (settings.checksAudience()) {
            validators.add(new JwtClaimValidator<Object>(JwtClaimNames.AUD,
                    audience -> audience instanceof Collection<?> values && values.contains(settings.audience())));
        }
        validators.add(new AuthorClaimsValidator());
        return validators;
    }

    /** True when the address names this machine's loopback only; every interface (null, empty, 0.0.0.0) is not. */
    static boolean isLoopback(String serverAddress) {
        if (serverAddress == null || serverAddress.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(serverAddress.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
