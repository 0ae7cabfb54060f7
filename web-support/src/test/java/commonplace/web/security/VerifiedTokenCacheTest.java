package commonplace.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cache in front of the verifying decoder: a token is verified once while it is valid, never answered from the
 * cache once its exp has passed, a refused token is refused every time, and many distinct tokens stay within the bound.
 */
class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final AtomicInteger verifications = new AtomicInteger();

    /** Accepts tokens named "good-<seconds of life>", refuses every other. */
    private final JwtDecoder verifying = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good-")) {
            throw new BadJwtException("forged");
        }
        long seconds = Long.parseLong(token.substring("good-".length()).split("-")[0]);
        return Jwt.withTokenValue(token).header("alg", "HS256").subject("ada").claim("name", "Ada")
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(seconds)).build();
    };

    @Test
    void a_token_sent_again_is_not_verified_again() {
        JwtDecoder cached = JwtDecoders.cached(verifying, 100, Duration.ofMinutes(5), clock);

        Jwt first = cached.decode("good-3600");
        Jwt second = cached.decode("good-3600");

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void past_its_exp_a_token_is_verified_again_and_never_answered_from_the_cache() {
        JwtDecoder cached = JwtDecoders.cached(verifying, 100, Duration.ofMinutes(5), clock);
        cached.decode("good-60");

        clock.now = NOW.plusSeconds(60);
        cached.decode("good-60");

        assertThat(verifications).as("at exp the verifying decoder decides again").hasValue(2);
    }

    @Test
    void a_refused_token_is_refused_every_time_it_comes() {
        JwtDecoder cached = JwtDecoders.cached(verifying, 100, Duration.ofMinutes(5), clock);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cached.decode("forged-token")).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).hasValue(3);
    }

    @Test
    void a_flood_of_distinct_tokens_stays_within_the_bound() {
        VerifiedTokenCache cached = new VerifiedTokenCache(verifying, 50, Duration.ofMinutes(5), clock);

        for (int i = 0; i < 5_000; i++) {
            cached.decode("good-3600-" + i);
        }

        assertThat(cached.size()).isLessThanOrEqualTo(50);
    }

    @Test
    void size_zero_turns_the_cache_off() {
        JwtDecoder uncached = JwtDecoders.cached(verifying, 0, Duration.ofMinutes(5), clock);

        uncached.decode("good-3600");
        uncached.decode("good-3600");

        assertThat(verifications).hasValue(2);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
