package commonplace.query.web;

import commonplace.web.security.ApiSecurity;
import commonplace.web.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Reads are public and ignore any Authorization header, except an author's export (the author's own token or an
 * admin's) and reads with an admin's explicit {@code includeRetracted=true}; everything else needs a valid token. The admin API (status,
 * rebuild) and the metrics need an admin's ({@code roles: ["admin"]}, the shared rules of {@link ApiSecurity}).
 * Refusals are problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiSecurity api) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher export = paths.matcher(HttpMethod.GET, "/api/v1/authors/*/export");
        // reads that take a token: a person's own export, and an admin's explicit option to read retracted text
        RequestMatcher readsWithToken = new OrRequestMatcher(export,
                request -> request.getParameter(AdminOption.INCLUDE_RETRACTED) != null);
        return api.statelessBearerApi(http, rolesAsAuthorities(), readsWithToken)
                .cors(Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(export).authenticated()
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/**")).permitAll()
                        .requestMatchers(paths.matcher(HttpMethod.HEAD, "/**")).permitAll()
                        .requestMatchers(paths.matcher(HttpMethod.OPTIONS, "/**")).permitAll()
                        .anyRequest().authenticated())
                .build();
    }

    private static JwtAuthenticationConverter rolesAsAuthorities() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(Roles::authorities);
        return converter;
    }
}
