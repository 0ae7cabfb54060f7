package commonplace.web.security;

import commonplace.web.problem.ProblemException;
import commonplace.web.problem.ProblemType;
import commonplace.web.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.util.Set;

/**
 * What the security chain of both services has in common: a stateless bearer-token API (no session, no CSRF, no
 * saved requests), tokens verified by the shared decoder and turned into an authentication by the service's
 * converter, public reads that ignore any token, and every refusal of the chain (no or bad token, not allowed)
 * answered as a problem of the catalogue. Each service adds only its own authorization rules.
 */
public class ApiSecurity {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final ProblemWriter problems;

    public ApiSecurity(ProblemWriter problems) {
        this.problems = problems;
    }

    /** Applies the common set-up; the caller adds {@code authorizeHttpRequests} and builds. */
    public HttpSecurity statelessBearerApi(HttpSecurity http,
                                           Converter<Jwt, ? extends AbstractAuthenticationToken> authentication)
            throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(tokensOnWritesOnly())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authentication))
                        .authenticationEntryPoint(authenticationEntryPoint())
                        .accessDeniedHandler(accessDeniedHandler()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(authenticationEntryPoint())
                        .accessDeniedHandler(accessDeniedHandler()));
    }

    /** 401 with {@code WWW-Authenticate} (RFC 6750) and a detail saying whether the token was missing or bad. */
    public AuthenticationEntryPoint authenticationEntryPoint() {
        return (request, response, failure) -> {
            boolean tokenSent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
            problems.write(request, response, new ProblemException(ProblemType.UNAUTHORIZED,
                    unauthorizedDetail(failure, tokenSent)));
        };
    }

    public AccessDeniedHandler accessDeniedHandler() {
        return (request, response, denied) -> write(request, response,
                new ProblemException(ProblemType.FORBIDDEN, ProblemType.FORBIDDEN.defaultDetail()));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemException problem)
            throws IOException {
        problems.write(request, response, problem);
    }

    private static String unauthorizedDetail(AuthenticationException failure, boolean tokenSent) {
        if (!tokenSent) {
            return "this request needs an Authorization: Bearer <token> header";
        }
        if (failure instanceof InvalidBearerTokenException invalid && invalid.getMessage() != null
                && invalid.getMessage().contains("expired")) {
            return "the bearer token has expired";
        }
        return "the bearer token is malformed, forged, expired or does not name an author";
    }

    /** Public reads never fail on a token they do not need, however broken it is. */
    private static BearerTokenResolver tokensOnWritesOnly() {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        return request -> READ_METHODS.contains(request.getMethod()) ? null : standard.resolve(request);
    }
}
