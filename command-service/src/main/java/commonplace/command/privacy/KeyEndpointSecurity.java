package commonplace.command.privacy;

import commonplace.web.problem.ProblemException;
import commonplace.web.problem.ProblemType;
import commonplace.web.problem.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The key endpoint's own security chain, ahead of the API's: every method needs a verified bearer token (401
 * without), and the token must carry the {@code key-reader} role (403 otherwise, audited). Tokens are verified by
 * the service's one decoder, exactly as authors' tokens are.
 */
final class KeyEndpointSecurity {

    static final String PATHS = "/api/v1/keys/**";

    private KeyEndpointSecurity() {
    }

    static SecurityFilterChain chain(HttpSecurity http, JwtDecoder decoder, ProblemWriter problems,
                                     KeyAccessAudit audit) throws Exception {
        return http
                .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(PATHS))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(KeyReader.AUTHORITY))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(KeyReader::from))
                        .authenticationEntryPoint((request, response, failure) -> {
                            boolean tokenSent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenSent
                                    ? "Bearer error=\"invalid_token\"" : "Bearer");
                            problems.write(request, response, new ProblemException(ProblemType.UNAUTHORIZED,
                                    tokenSent ? "the bearer token is malformed, forged or expired"
                                            : "data keys are served only with a service token: Authorization: "
                                                    + "Bearer <token>"));
                        })
                        .accessDeniedHandler((request, response, denied) -> {
                            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
                            audit.denied(caller == null ? "unknown" : caller.getName());
                            problems.write(request, response, new ProblemException(ProblemType.FORBIDDEN,
                                    "data keys are served only to tokens with the " + KeyReader.ROLE + " role"));
                        }))
                .build();
    }
}
