package commonplace.query.erasure;

import commonplace.events.privacy.ErasurePosition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * How far an erasure has come here: it is applied once its {@code AuthorErased} is applied in as many topics as it
 * spans. Readers waiting for one ({@code consistentWith} an erasure position) are told when the batch that completes
 * it commits, or when their time is up.
 */
@Component
public class ErasureProgress {

    private record Waiter(ErasurePosition position, CompletableFuture<Boolean> reached) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, List<Waiter>> waiters = new ConcurrentHashMap<>();

    ErasureProgress(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean reached(ErasurePosition position) {
        Integer applied = jdbc.queryForObject("select count(*) from erasure_applied where erasure_id = ?",
                Integer.class, position.erasureId());
        return applied != null && applied >= position.topicCount();
    }

    /** Completes with true once the erasure is applied everywhere it spans, with false after {@code timeout}. */
    public CompletableFuture<Boolean> whenReached(ErasurePosition position, Duration timeout) {
        CompletableFuture<Boolean> reached = new CompletableFuture<>();
        Waiter waiter = new Waiter(position, reached);
        waiters.computeIfAbsent(position.erasureId(), id -> new CopyOnWriteArrayList<>()).add(waiter);
        reached.whenComplete((result, failure) -> waiters.computeIfPresent(position.erasureId(), (id, list) -> {
            list.remove(waiter);
            return list.isEmpty() ? null : list;
        }));
        if (reached(position)) {
            reached.complete(true);
        }
        return reached.completeOnTimeout(false, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A batch applying one of the erasure's {@code AuthorErased} committed. */
    void applied(String erasureId) {
        List<Waiter> waiting = erasureId == null ? null : waiters.get(erasureId);
        if (waiting == null) {
            return;
        }
        for (Waiter waiter : waiting) {
            if (reached(waiter.position())) {
                waiter.reached().complete(true);
            }
        }
    }
}
