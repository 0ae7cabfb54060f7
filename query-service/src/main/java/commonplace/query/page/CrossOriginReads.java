package commonplace.query.page;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.time.Duration;
import java.util.List;

/**
 * Every public read may be made from any origin: the widget runs in pages of other sites and reads threads, the
 * stream and its own script modules from here. Nothing here is tied to cookies (reads ignore credentials), so any
 * origin is as safe as a plain link. Spring Security's {@code cors()} picks this source up by its bean name.
 */
@Configuration(proxyBeanMethods = false)
class CrossOriginReads {

    @Bean
    CorsConfigurationSource corsConfigurationSource() {
        CorsConfiguration reads = new CorsConfiguration();
        reads.setAllowedOrigins(List.of(CorsConfiguration.ALL));
        reads.setAllowedMethods(List.of("GET", "HEAD"));
        reads.setAllowedHeaders(List.of(HttpHeaders.IF_NONE_MATCH, "Last-Event-ID", HttpHeaders.ACCEPT));
        reads.setExposedHeaders(List.of(HttpHeaders.ETAG, "X-Commonplace-Stale", HttpHeaders.RETRY_AFTER));
        reads.setAllowCredentials(false);
        reads.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", reads);
        return source;
    }
}
