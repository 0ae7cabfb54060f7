package commonplace.command.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per author: {@code perMinute} events in a burst, refilled evenly over the minute. A write needs one
 * token to be let in ({@link #acquire}) and pays for the rest of the events it recorded afterwards ({@link #charge}),
 * which may leave the bucket below zero: the author's next write then waits until the debt is refilled. Buckets that
 * are full again are forgotten by {@link #forgetIdle()}, so memory follows the active authors only.
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
     * Takes one token from the author's bucket: the first event of a write, paid before the write is handled.
     *
     * @throws RateLimitedException when the bucket holds less than one, with the seconds until it does
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

    /** Takes {@code events} more tokens for what a write recorded beyond its first event, even into debt. */
    public void charge(String authorId, int events) {
        if (!enabled() || events <= 0) {
            return;
        }
        buckets.computeIfAbsent(authorId, id -> new Bucket(perMinute, nanoClock.getAsLong()))
                .take(events, perMinute, nanoClock.getAsLong());
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

        /** Takes {@code count} tokens whatever the bucket holds; the scale leaves room for any debt one write makes. */
        synchronized void take(int count, int capacity, long now) {
            refill(capacity, now);
            scaledTokens -= count * NANOS_PER_MINUTE;
        }

        synchronized boolean isFull(int capacity, long now) {
            refill(capacity, now);
            return scaledTokens >= capacity * NANOS_PER_MINUTE;
        }

        private void refill(int capacity, long now) {
            long elapsed = Math.max(0, now - updatedAt);
            long max = capacity * NANOS_PER_MINUTE;
            long missing = max - scaledTokens;
            // elapsed * capacity could overflow after a long idle time: once the time that fills the bucket (debt
            // included) has passed, it is full
            scaledTokens = elapsed >= missing / capacity ? max : scaledTokens + elapsed * capacity;
            updatedAt = now;
        }
    }
}
