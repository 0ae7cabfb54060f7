package commonplace.query.privacy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Duration;

/**
 * Where the data keys of sealed events come from: the command service's key endpoint
 * ({@code COMMONPLACE_KEY_SERVICE_URL}), asked with a service token that carries the {@code key-reader} role, either
 * configured ({@code COMMONPLACE_KEY_SERVICE_TOKEN}) or minted by this service with the shared HS256 secret. Keys are
 * kept in memory only, at most {@code COMMONPLACE_QUERY_KEY_CACHE_SIZE} of them for
 * {@code COMMONPLACE_QUERY_KEY_CACHE_TTL}.
 */
@Component
public class KeySettings {

    private final URI url;
    private final String serviceToken;
    private final Duration timeout;
    private final int cacheSize;
    private final Duration cacheLifetime;

    KeySettings(@Value("${commonplace.query.keys.url:}") String url,
                @Value("${commonplace.query.keys.service-token:}") String serviceToken,
                @Value("${commonplace.query.keys.timeout:5s}") Duration timeout,
                @Value("${commonplace.query.keys.cache-size:100000}") int cacheSize,
                @Value("${commonplace.query.keys.cache-ttl:10m}") Duration cacheLifetime) {
        if (cacheSize < 1 || timeout.isNegative() || timeout.isZero() || cacheLifetime.isNegative()
                || cacheLifetime.isZero()) {
            throw new IllegalArgumentException("the key cache size, lifetime and timeout must be positive");
        }
        this.url = url == null || url.isBlank() ? null : URI.create(url.strip());
        if (this.url != null && (!"http".equals(this.url.getScheme()) && !"https".equals(this.url.getScheme())
                || this.url.getHost() == null)) {
            throw new IllegalArgumentException("COMMONPLACE_KEY_SERVICE_URL must be an http(s) URL");
        }
        this.serviceToken = serviceToken == null || serviceToken.isBlank() ? null : serviceToken.strip();
        this.timeout = timeout;
        this.cacheSize = cacheSize;
        this.cacheLifetime = cacheLifetime;
    }

    /** The command service's base URL; null when none is configured (then sealed events cannot be opened). */
    public URI url() {
        return url;
    }

    /** A configured service token, or null: then one is minted with the shared secret. */
    String serviceToken() {
        return serviceToken;
    }

    Duration timeout() {
        return timeout;
    }

    int cacheSize() {
        return cacheSize;
    }

    Duration cacheLifetime() {
        return cacheLifetime;
    }
}
