package commonplace.command.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per author: {@code perMinute} writes in a burst, refilled evenly over the minute. Buckets that are
 * full again are forgotten by {@link #forgetIdle()}, so memory follows the active authors only.
 */
public final class WriteRateLimiter {

    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final int perMinute;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public WriteRateLimiter(int perMinute, LongSupplier nanoClock) {
        this.perMinute = perMinute;
        this.nanoClock = nanoClock;
    }

    public boolean enabled() {
        return perMinute > 0;
    }

    /**
     * Takes one write from the author's bucket.
     *
     * @throws RateLimitedException when the bucket is empty, with the seconds until it holds a write again
     */
    public void acquire(String authorId) {
        if (!enabled()) {
            return;
        }
        long waitNanos = buckets.computeIfAbsent(authorId, id -> new Bucket(perMinute, nanoClock.getAsLong()))
                .tryTake(perMinute, nanoClock.getAsLong());
        if (waitNanos > 0) {
            throw new RateLimitedException(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
        }
    }

    public void forgetIdle() {
        long now = nanoClock.getAsLong();
        buckets.entrySet().removeIf(entry -> entry.getValue().isFull(perMinute, now));
    }

    int trackedAuthors() {
        return buckets.size();
    }

    private static final class Bucket {

        /** Tokens scaled by one minute in nanoseconds, so that refills stay exact integers. */
        private long scaledTokens;
        private long updatedAt;

        Bucket(int capacity, long now) {
            this.scaledTokens = capacity * NANOS_PER_MINUTE;
            this.updatedAt = now;
        }

        /** 0 when a token was taken, else the nanoseconds until one is available. */
        synchronized long tryTake(int capacity, long now) {
            refill(capacity, now);
            if (scaledTokens >= NANOS_PER_MINUTE) {
                scaledTokens -= NANOS_PER_MINUTE;
                return 0;
            }
            return (NANOS_PER_MINUTE - scaledTokens + capacity - 1) / capacity;
        }

        synchronized boolean isFull(int capacity, long now) {
            refill(capacity, now);
            return scaledTokens >= capacity * NANOS_PER_MINUTE;
        }

        private void refill(int capacity, long now) {
            long elapsed = Math.max(0, now - updatedAt);
            long max = capacity * NANOS_PER_MINUTE;
            // elapsed * capacity could overflow after a long idle time: cap elapsed at one minute first
            scaledTokens = Math.min(max, scaledTokens + Math.min(elapsed, NANOS_PER_MINUTE) * capacity);
            updatedAt = now;
        }
    }
}
