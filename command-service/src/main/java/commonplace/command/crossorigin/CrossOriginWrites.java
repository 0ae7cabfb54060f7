package commonplace.command.crossorigin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Which sites may write from their pages (the embedded widget): {@code COMMONPLACE_ALLOWED_ORIGINS}, a comma-separated
 * list of origins or origin patterns ({@code https://www.example.no}, {@code https://*.example.no}); by default any
 * port of the loopback host, for a local stack. Credentials travel only as a bearer header, never as cookies, so no
 * origin is given the browser's credentials. Spring Security's {@code cors()} picks this source up by its bean name.
 */
@Configuration(proxyBeanMethods = false)
class CrossOriginWrites {

    static final String LOCAL_ORIGINS = "http://127.0.0.1:[*],http://localhost:[*],http://[::1]:[*]";

    @Bean
    CorsConfigurationSource corsConfigurationSource(
            @Value("${COMMONPLACE_ALLOWED_ORIGINS:" + LOCAL_ORIGINS + "}") String allowedOrigins) {
        CorsConfiguration writes = new CorsConfiguration();
        writes.setAllowedOriginPatterns(origins(allowedOrigins));
        writes.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE"));
        writes.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                HttpHeaders.IF_MATCH, "Idempotency-Key"));
        writes.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, "X-Commonplace-Position",
                HttpHeaders.RETRY_AFTER));
        writes.setAllowCredentials(false);
        writes.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", writes);
        return source;
    }

    static List<String> origins(String commaSeparated) {
        List<String> origins = Arrays.stream(commaSeparated.split(",")).map(String::trim)
                .filter(origin -> !origin.isEmpty()).toList();
        for (String origin : origins) {
            if (origin.equals("*") || !(origin.startsWith("http://") || origin.startsWith("https://"))) {
                throw new IllegalArgumentException("COMMONPLACE_ALLOWED_ORIGINS takes http(s) origins such as "
                        + "https://www.example.no, not " + origin);
            }
        }
        return origins;
    }
}
