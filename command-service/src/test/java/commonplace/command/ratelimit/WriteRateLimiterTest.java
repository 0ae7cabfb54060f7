package commonplace.command.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

class WriteRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final WriteRateLimiter limiter = new WriteRateLimiter(120, now::get);

    @Test
    void allowsAFullMinuteOfWritesInABurstThenRefusesWithTheSecondsToWait() {
        for (int i = 0; i < 120; i++) {
            limiter.acquire("ada");
        }
        assertThatThrownBy(() -> limiter.acquire("ada"))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
    }

    @Test
    void refillsEvenlyOverTheMinute() {
        for (int i = 0; i < 120; i++) {
            limiter.acquire("ada");
        }
        advance(Duration.ofMillis(499));
        assertThatThrownBy(() -> limiter.acquire("ada")).isInstanceOf(RateLimitedException.class);
        advance(Duration.ofMillis(1));
        assertThatCode(() -> limiter.acquire("ada")).doesNotThrowAnyException();
    }

    @Test
    void limitsEachAuthorOnTheirOwn() {
        for (int i = 0; i < 120; i++) {
            limiter.acquire("ada");
        }
        assertThatCode(() -> limiter.acquire("bo")).doesNotThrowAnyException();
    }

    @Test
    void aWriteThatRecordedMoreEventsPaysForThemAndTheAuthorWaitsUntilTheDebtIsRefilled() {
        WriteRateLimiter slow = new WriteRateLimiter(2, now::get);
        slow.acquire("ada");
        slow.charge("ada", 10);
        assertThatThrownBy(() -> slow.acquire("ada"))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfterSeconds()).as("1 - 11 + 1 = 9 below one, at 2 a minute")
                                .isEqualTo(300));
        advance(Duration.ofSeconds(299));
        assertThatThrownBy(() -> slow.acquire("ada")).isInstanceOf(RateLimitedException.class);
        advance(Duration.ofSeconds(1));
        assertThatCode(() -> slow.acquire("ada")).doesNotThrowAnyException();
    }

    @Test
    void anAuthorInDebtIsNotForgottenAndNothingIsChargedWhenTheLimitIsOff() {
        limiter.acquire("ada");
        limiter.charge("ada", 300);
        advance(Duration.ofSeconds(59));
        limiter.forgetIdle();
        assertThat(limiter.trackedAuthors()).isEqualTo(1);
        assertThatThrownBy(() -> limiter.acquire("ada")).isInstanceOf(RateLimitedException.class);

        WriteRateLimiter off = new WriteRateLimiter(0, now::get);
        off.charge("ada", 1_000);
        assertThat(off.trackedAuthors()).isZero();
    }

    @Test
    void zeroTurnsTheLimitOff() {
        WriteRateLimiter off = new WriteRateLimiter(0, now::get);
        for (int i = 0; i < 10_000; i++) {
            off.acquire("ada");
        }
        assertThat(off.enabled()).isFalse();
    }

    @Test
    void forgetsAuthorsWhoseBucketIsFullAgain() {
        limiter.acquire("ada");
        limiter.acquire("bo");
        advance(Duration.ofMillis(300));
        limiter.acquire("bo");
        advance(Duration.ofMillis(300));
        limiter.forgetIdle();
        assertThat(limiter.trackedAuthors()).isEqualTo(1);
        advance(Duration.ofDays(3650));
        limiter.forgetIdle();
        assertThat(limiter.trackedAuthors()).isZero();
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
