package commonplace.query.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import commonplace.events.Identifiers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.util.Set;

/**
 * Reads are public and ignore any Authorization header; everything else needs a valid token, and the admin actions
 * (a rebuild) a moderator's ({@code roles: ["moderator"]}). Security's own 401 and 403 are problem+json like every
 * other error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper json) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .cors(org.springframework.security.config.Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole("moderator")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(tokensOnWritesOnly())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesAsAuthorities()))
                        .authenticationEntryPoint((request, response, e) -> writeProblem(json, response,
                                HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                                "A valid bearer token is required."))
                        .accessDeniedHandler((request, response, e) -> writeProblem(json, response,
                                HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "This token may not do that.")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> writeProblem(json, response,
                                HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                                "A valid bearer token is required."))
                        .accessDeniedHandler((request, response, e) -> writeProblem(json, response,
                                HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "This token may not do that.")))
                .build();
    }

    /**
     * No observation of Security's own filters and decisions: wrapping each filter of every public read in a timed
     * observation cost more than the read itself; requests stay observed as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    JwtDecoder jwtDecoder(JwtSettings settings) {
        NimbusJwtDecoder decoder = settings.usesJwkSet()
                ? NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build()
                : NimbusJwtDecoder.withSecretKey(new SecretKeySpec(settings.secretBytes(), "HmacSHA256"))
                        .macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), subjectIsAuthorId()));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> subjectIsAuthorId() {
        OAuth2Error invalidSubject = new OAuth2Error("invalid_token", "sub is not an author id", null);
        return jwt -> Identifiers.isAuthorId(jwt.getSubject())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(invalidSubject);
    }

    private static BearerTokenResolver tokensOnWritesOnly() {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        return (HttpServletRequest request) -> READ_METHODS.contains(request.getMethod()) ? null
                : standard.resolve(request);
    }

    private static JwtAuthenticationConverter rolesAsAuthorities() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    private static void writeProblem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String slug,
                                     String title, String detail) throws IOException {
        ProblemDetail problem = Problems.of(status, slug, title, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
