package commonplace.web.security;

import commonplace.web.problem.ProblemException;
import commonplace.web.problem.ProblemType;
import commonplace.web.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
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
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the security chain of both services has in common: a stateless bearer-token API (no session, no CSRF, no
 * saved requests), tokens verified by the shared decoder and turned into an authentication by the service's
 * converter, public reads that ignore any token, every refusal of the chain (no or bad token, not allowed) answered
 * as a problem of the catalogue, and what is exposed to whom: {@code /actuator/health} to anyone, every other actuator
 * endpoint (metrics, info) and everything under {@code /api/v1/admin} to an {@code admin} token only; the OpenAPI
 * document ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui.html}) to anyone. Each service
 * adds only its own authorization rules after these.
 */
public class ApiSecurity {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** Longer than any token an issuer hands out (and than Tomcat's 8 KiB of headers): refused before decoding. */
    static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
    private static final List<String> HEALTH_PATHS = List.of("/actuator/health", "/actuator/health/**");
    private static final List<String> ADMIN_PATHS = List.of("/actuator/**", "/api/v1/admin/**");
    /** The OpenAPI document and Swagger UI: public reads on both services. */
    private static final RequestMatcher DOCUMENTATION = new OrRequestMatcher(
            PATHS.matcher(HttpMethod.GET, "/v3/api-docs"), PATHS.matcher(HttpMethod.GET, "/v3/api-docs/**"),
            PATHS.matcher(HttpMethod.GET, "/swagger-ui.html"), PATHS.matcher(HttpMethod.GET, "/swagger-ui/**"));
    private static final RequestMatcher HEALTH = new OrRequestMatcher(HEALTH_PATHS.stream()
            .map(path -> (RequestMatcher) PATHS.matcher(path)).toList());
    /** Reads that need a token: whatever describes the running service beyond its health, and the admin API. */
    private static final RequestMatcher ADMIN_ONLY = new AndRequestMatcher(new NegatedRequestMatcher(HEALTH),
            new OrRequestMatcher(ADMIN_PATHS.stream().map(path -> (RequestMatcher) PATHS.matcher(path)).toList()));

    private final ProblemWriter problems;

    public ApiSecurity(ProblemWriter problems) {
        this.problems = problems;
    }

    /** Applies the common set-up and rules; the caller adds its own {@code authorizeHttpRequests} and builds. */
    public HttpSecurity statelessBearerApi(HttpSecurity http,
                                           Converter<Jwt, ? extends AbstractAuthenticationToken> authentication)
            throws Exception {
        return statelessBearerApi(http, authentication, request -> false);
    }

    /**
     * As {@link #statelessBearerApi(HttpSecurity, Converter)}, and the reads {@code readsWithToken} matches take their
     * token too (a person's own export, an admin's explicit option): on those a bad token is a 401 as on a write.
     */
    public HttpSecurity statelessBearerApi(HttpSecurity http,
                                           Converter<Jwt, ? extends AbstractAuthenticationToken> authentication,
                                           RequestMatcher readsWithToken)
            throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HEALTH).permitAll()
                        .requestMatchers(DOCUMENTATION).permitAll()
                        .requestMatchers(ADMIN_ONLY).hasAuthority(Roles.ADMIN_AUTHORITY))
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(tokensOnWritesOnly(readsWithToken))
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authentication))
                        .authenticationEntryPoint(authenticationEntryPoint())
                        .accessDeniedHandler(accessDeniedHandler()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(authenticationEntryPoint())
                        .accessDeniedHandler(accessDeniedHandler()));
    }

    /**
     * Whether a request of {@code method} to {@code path} (a path template such as {@code /api/v1/topics/{topicId}})
     * must carry a bearer token under these rules: every write, and the admin-only reads. The OpenAPI document asks
     * for the token where this says so.
     */
    public static boolean takesToken(String method, String path) {
        return !READ_METHODS.contains(method.toUpperCase(Locale.ROOT)) || isAdminOnly(path);
    }

    /** Whether {@code path} (a path or path template) is for admins only: the admin API and the actuator but health. */
    public static boolean isAdminOnly(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return matchesAny(ADMIN_PATHS, container) && !matchesAny(HEALTH_PATHS, container);
    }

    private static boolean matchesAny(List<String> patterns, PathContainer path) {
        return patterns.stream().anyMatch(pattern -> PathPatternParser.defaultInstance.parse(pattern).matches(path));
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
        return "the bearer token is malformed, forged, expired, too long-lived, not meant for this service or does not "
                + "name an author";
    }

    /**
     * Public reads never fail on a token they do not need, however broken it is; writes and the admin-only reads take
     * theirs. A token too long to be one is refused before anything parses it.
     */
    private static BearerTokenResolver tokensOnWritesOnly(RequestMatcher readsWithToken) {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        return request -> {
            if (READ_METHODS.contains(request.getMethod()) && !ADMIN_ONLY.matches(request)
                    && !readsWithToken.matches(request)) {
                return null;
            }
            String token = standard.resolve(request);
            if (token != null && token.length() > MAX_TOKEN_LENGTH) {
                throw new InvalidBearerTokenException("the bearer token is longer than " + MAX_TOKEN_LENGTH
                        + " characters");
            }
            return token;
        };
    }
}
