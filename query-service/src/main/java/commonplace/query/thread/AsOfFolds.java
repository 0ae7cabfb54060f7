package commonplace.query.thread;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import commonplace.web.problem.ProblemException;
import commonplace.web.problem.ProblemType;
import org.springframework.http.HttpHeaders;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Bounds the work of time travel: a topic folded for a state once serves every instant that names the same state
 * (the key says which topic version and how far its log had come by the instant), kept in a cache bounded by the
 * events folded into it; and at most {@code maxConcurrent} folds run at once. A request beyond that is answered 503
 * {@code time-travel-busy} with {@code Retry-After} instead of queueing work; requests for a state being folded wait
 * for that one fold.
 *
 * @param <T> what a fold makes
 */
final class AsOfFolds<T> {

    static final int RETRY_AFTER_SECONDS = 1;

    private final Cache<String, T> folded;
    private final Semaphore running;
    private final AtomicLong folds = new AtomicLong();

    AsOfFolds(int maxConcurrent, long maxCachedEvents, ToIntFunction<T> events) {
        if (maxConcurrent < 1 || maxCachedEvents < 1) {
            throw new IllegalArgumentException("asOf folds at once and cached events must be at least 1");
        }
        this.running = new Semaphore(maxConcurrent);
        this.folded = Caffeine.newBuilder().maximumWeight(maxCachedEvents)
                .weigher((String key, T value) -> Math.max(1, events.applyAsInt(value))).build();
    }

    /** The fold of {@code state}: cached, or made now if a fold may run. */
    T get(String state, Supplier<T> fold) {
        T cached = folded.getIfPresent(state);
        if (cached != null) {
            return cached;
        }
        return folded.get(state, missing -> {
            if (!running.tryAcquire()) {
                throw new ProblemException(ProblemType.TIME_TRAVEL_BUSY, "as many threads of past instants are "
                        + "being folded as this service allows at once; try again in a moment")
                        .withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
            }
            try {
                folds.incrementAndGet();
                return fold.get();
            } finally {
                running.release();
            }
        });
    }

    /** Drops every cached fold whose state matches (a fold running meanwhile still lands, under its own key). */
    void forgetIf(Predicate<String> state) {
        folded.asMap().keySet().removeIf(state);
    }

    /** How many folds are cached now. */
    long cached() {
        folded.cleanUp();
        return folded.estimatedSize();
    }

    /** How many folds were made (not answered from the cache). */
    long folds() {
        return folds.get();
    }
}
