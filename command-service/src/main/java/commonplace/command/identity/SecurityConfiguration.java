package commonplace.command.identity;

import commonplace.command.web.ProblemWriter;
import commonplace.command.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import javax.crypto.spec.SecretKeySpec;

/**
 * Writes need a bearer token (HS256 with the configured secret, or a production issuer's JWKS); the author of every
 * command is the token's subject. Everything else (health, metrics, unknown paths) is public. Spring Security's own
 * refusals answer in problem+json like the rest of the API.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Paths are matched as path patterns: Spring Security's default for a Spring MVC application asks MVC's handler
     * mappings about every request, which cost more than the rule it decides.
     */
    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http
                .csrf(csrf -> csrf.disable())
                .cors(org.springframework.security.config.Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/api/**")).permitAll()
                        .requestMatchers(paths.matcher("/api/**")).authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(AuthorAuthentication::from))
                        .authenticationEntryPoint((request, response, failure) -> {
                            boolean tokenSent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenSent
                                    ? "Bearer error=\"invalid_token\"" : "Bearer");
                            problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
                                    "Unauthorized", unauthorizedDetail(failure, tokenSent)));
                        })
                        .accessDeniedHandler((request, response, denied) -> problems.write(request, response,
                                Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                        "this token does not allow that"))))
                .build();
    }

    private static String unauthorizedDetail(Exception failure, boolean tokenSent) {
        if (!tokenSent) {
            return "this request needs an Authorization: Bearer <token> header";
        }
        if (failure instanceof InvalidBearerTokenException invalid && invalid.getMessage() != null
                && invalid.getMessage().contains("expired")) {
            return "the bearer token has expired";
        }
        return "the bearer token is malformed, forged, expired or does not name an author";
    }

    @Bean
    JwtDecoder jwtDecoder(JwtSettings settings) {
        NimbusJwtDecoder decoder = settings.usesJwkSet()
                ? NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri())
                        .jwsAlgorithm(SignatureAlgorithm.RS256).jwsAlgorithm(SignatureAlgorithm.ES256).build()
                : NimbusJwtDecoder.withSecretKey(new SecretKeySpec(settings.secretKey(), "HmacSHA256"))
                        .macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefault(), new AuthorClaimsValidator()));
        return decoder;
    }

    /**
     * No observation of Security's own filters and decisions: wrapped around every filter of every write, they cost a
     * tenth of the request; requests stay observed as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Requests the firewall refuses (encoded slashes, odd characters) get a 400 problem, not a bare error page. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, rejected) -> problems.write(request, response, Problems.of(HttpStatus.BAD_REQUEST,
                "malformed-request", "Bad Request", "the request URL is not acceptable"));
    }
}
