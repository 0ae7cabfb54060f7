package commonplace.command.admission;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many writes the command service works on at once ({@code maxInFlight}), and how many more may wait for one of
 * those places ({@code maxQueued}, each at most {@code queueTimeout}). Everything beyond is refused at once, so that
 * under overload no queue grows without bound anywhere (request threads, the connection pool, the aggregate locks):
 * the accepted writes keep their latency and the refused ones learn it within milliseconds.
 */
final class AdmissionLimit {

    private final Semaphore inFlight;
    private final int maxQueued;
    private final long queueTimeoutNanos;
    private final AtomicInteger queued = new AtomicInteger();

    AdmissionLimit(int maxInFlight, int maxQueued, Duration queueTimeout) {
        if (maxInFlight <= 0) {
            throw new IllegalArgumentException("maxInFlight must be positive");
        }
        this.inFlight = new Semaphore(maxInFlight);
        this.maxQueued = Math.max(0, maxQueued);
        this.queueTimeoutNanos = Math.max(0, queueTimeout.toNanos());
    }

    /** True when the write may go ahead; it must then {@link #release()} once answered. */
    boolean tryEnter() throws InterruptedException {
        if (inFlight.tryAcquire()) {
            return true;
        }
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            return false;
        }
        try {
            return inFlight.tryAcquire(queueTimeoutNanos, TimeUnit.NANOSECONDS);
        } finally {
            queued.decrementAndGet();
        }
    }

    void release() {
        inFlight.release();
    }
}
