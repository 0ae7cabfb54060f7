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

/**
 * Reads are public and ignore any Authorization header; everything else needs a valid token. The admin API (status,
 * rebuild) and the metrics need an admin's ({@code roles: ["admin"]}, the shared rules of {@link ApiSecurity}).
 * Refusals are problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiSecurity api) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return api.statelessBearerApi(http, rolesAsAuthorities())
                .cors(Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests
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
