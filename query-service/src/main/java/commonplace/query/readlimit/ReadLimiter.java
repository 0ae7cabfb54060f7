package commonplace.query.readlimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: {@code perMinute} reads in a burst, refilled evenly over the minute. The buckets
 * live in a bounded cache: a bucket not used for two minutes is full again and goes, and under a flood of addresses
 * the least recently seen go first (that address then starts with a full bucket: memory stays bounded, and no
 * address gets more than its own rate).
 */
final class ReadLimiter {

    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

    private final int perMinute;
    private final LongSupplier nanoTime;
    private final Cache<String, Bucket> buckets;

    ReadLimiter(int perMinute, int maxClients, LongSupplier nanoTime) {
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
        this.buckets = Caffeine.newBuilder().maximumSize(Math.max(1, maxClients))
                .expireAfterAccess(Duration.ofMinutes(2)).build();
    }

    /** Takes a read from the client's bucket: 0 when allowed, else the nanoseconds until the next one is. */
    long tryRead(String client) {
        return buckets.get(client, key -> new Bucket(perMinute, nanoTime.getAsLong())).take(perMinute,
                nanoTime.getAsLong());
    }

    long clients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    /** Tokens in nano-reads (a read is {@code MINUTE_NANOS} of them), so the refill needs no fractions. */
    private static final class Bucket {

        private long tokens;
        private long updatedAt;

        Bucket(int perMinute, long now) {
            this.tokens = perMinute * MINUTE_NANOS;
            this.updatedAt = now;
        }

        synchronized long take(int perMinute, long now) {
            long capacity = perMinute * MINUTE_NANOS;
            long elapsed = Math.max(0, now - updatedAt);
            // perMinute tokens of MINUTE_NANOS each per minute: perMinute nano-reads per nanosecond
            tokens = elapsed >= MINUTE_NANOS ? capacity : Math.min(capacity, tokens + elapsed * perMinute);
            updatedAt = now;
            if (tokens >= MINUTE_NANOS) {
                tokens -= MINUTE_NANOS;
                return 0;
            }
            return (MINUTE_NANOS - tokens + perMinute - 1) / perMinute;
        }
    }
}
