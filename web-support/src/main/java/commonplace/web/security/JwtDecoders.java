package commonplace.web.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;

/**
 * The one token decoder both services use: RS256 or ES256 signatures with the keys of a JWKS when one is configured,
 * else HS256 with the shared secret; then the same validators (time, and a token that names an author).
 */
public final class JwtDecoders {

    private JwtDecoders() {
    }

    public static JwtDecoder create(JwtSettings settings) {
        NimbusJwtDecoder decoder = settings.usesJwkSet()
                ? NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri())
                        .jwsAlgorithm(SignatureAlgorithm.RS256).jwsAlgorithm(SignatureAlgorithm.ES256).build()
                : NimbusJwtDecoder.withSecretKey(new SecretKeySpec(settings.secretKey(), "HmacSHA256"))
                        .macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefault(), new AuthorClaimsValidator()));
        return decoder;
    }
}
