package commonplace.command.identity;

import commonplace.web.security.ApiSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Writes need a bearer token (verified by the shared decoder); the author of every command is the token's subject.
 * The admin API and the metrics need an admin's (the shared rules of {@link ApiSecurity}); everything else (health,
 * unknown paths) is public. Refusals answer in problem+json like the rest of the API.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Paths are matched as path patterns: Spring Security's default for a Spring MVC application asks MVC's handler
     * mappings about every request, which cost more than the rule it decides.
     */
    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiSecurity api) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return api.statelessBearerApi(http, AuthorAuthentication::from)
                .cors(Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/api/**")).permitAll()
                        .requestMatchers(paths.matcher("/api/**")).authenticated()
                        .anyRequest().permitAll())
                .build();
    }
}
