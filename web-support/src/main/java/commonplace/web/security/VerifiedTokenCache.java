package commonplace.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Remembers tokens that were verified, so that a client sending the same token with every request pays for its
 * signature and claim checks once: keyed by the whole token (any change to it is another key and is verified
 * afresh), bounded in entries, and never kept past the token's own {@code exp} nor longer than {@code ttl} (so that
 * a key the issuer withdrew from its JWKS stops working within that time). Only successes are kept; a refused token
 * is checked again every time it comes.
 */
final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder verifying;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokenCache(JwtDecoder verifying, int maximumSize, Duration ttl, Clock clock) {
        this.verifying = verifying;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(new UntilExpiry(ttl, clock))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = verified.getIfPresent(token);
        if (cached != null) {
            if (cached.getExpiresAt() != null && cached.getExpiresAt().isAfter(clock.instant())) {
                return cached;
            }
            // the cache's own clock may lag the token's: past exp it is never answered from here
            verified.invalidate(token);
        }
        Jwt jwt = verifying.decode(token);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(clock.instant())) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** How many verified tokens are held now (after pending evictions). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private record UntilExpiry(Duration ttl, Clock clock) implements Expiry<String, Jwt> {

        @Override
        public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
            Instant expiresAt = jwt.getExpiresAt();
            Duration left = expiresAt == null ? Duration.ZERO : Duration.between(clock.instant(), expiresAt);
            return Math.max(0, Math.min(left.toNanos(), ttl.toNanos()));
        }

        @Override
        public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
