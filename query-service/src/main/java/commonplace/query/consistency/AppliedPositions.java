package commonplace.query.consistency;

import commonplace.query.ingest.IngestListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How far each topic has been applied, as far as this instance knows, and the requests waiting for a topic to
 * get further. The consumer reports after every committed batch; a waiting request is completed by that report,
 * so nothing polls the database.
 */
@Component
public class AppliedPositions implements IngestListener {

    private final ConcurrentHashMap<String, TopicState> topics = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;

    AppliedPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void batchCommitted(Map<String, Long> appliedSequenceByTopic) {
        appliedSequenceByTopic.forEach(this::advance);
    }

    /**
     * The rebuilt read models may be further on than the live consumer got (the rebuild caught up past it and the
     * consumer resumes after that), so no batch will report those events: read the topics this instance tracks
     * from the new tables. A rebuild never leaves a topic behind where it was, so nothing moves back.
     */
    @Override
    public void readModelsReplaced() {
        String[] known = topics.keySet().toArray(String[]::new);
        if (known.length == 0) {
            return;
        }
        jdbc.query("select topic_id, applied_sequence from topic_progress where topic_id = any(?)", row -> {
            advance(row.getString("topic_id"), row.getLong("applied_sequence"));
        }, (Object) known);
    }

    /**
     * Waits until {@code sequence} of {@code topicId} is applied, at most {@code timeout}.
     *
     * @return false when the time ran out first
     */
    public boolean awaitApplied(String topicId, long sequence, Duration timeout) {
        CompletableFuture<Void> applied = whenApplied(topicId, sequence);
        if (applied.isDone()) {
            return true;
        }
        // memory only knows topics applied since this instance started: ask the database once
        Long stored = jdbc.query("select applied_sequence from topic_progress where topic_id = ?",
                row -> row.next() ? row.getLong(1) : null, topicId);
        if (stored != null) {
            advance(topicId, stored);
        }
        try {
            applied.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a position future never fails", e);
        } finally {
            forget(topicId, applied);
        }
    }

    /** The highest sequence of {@code topicId} this instance knows to be applied (0 if none). */
    public long appliedSequence(String topicId) {
        TopicState state = topics.get(topicId);
        return state == null ? 0 : state.applied();
    }

    /** How many requests are waiting for a position right now. */
    public int waiting() {
        return topics.values().stream().mapToInt(TopicState::waiting).sum();
    }

    int knownTopics() {
        return topics.size();
    }

    CompletableFuture<Void> whenApplied(String topicId, long sequence) {
        List<CompletableFuture<Void>> registered = new ArrayList<>(1);
        topics.compute(topicId, (id, state) -> {
            TopicState current = state == null ? new TopicState() : state;
            registered.add(current.whenApplied(sequence));
            return current;
        });
        return registered.get(0);
    }

    private void advance(String topicId, long sequence) {
        List<CompletableFuture<Void>> reached = new ArrayList<>();
        topics.compute(topicId, (id, state) -> {
            TopicState current = state == null ? new TopicState() : state;
            reached.addAll(current.advance(sequence));
            return current;
        });
        reached.forEach(future -> future.complete(null));
    }

    /** Drops a finished waiter, and the topic too when it only existed for waiters (any id a client names). */
    private void forget(String topicId, CompletableFuture<Void> waiter) {
        topics.computeIfPresent(topicId, (id, state) -> {
            state.forget(waiter);
            return state.isIdle() ? null : state;
        });
    }

    /** One topic: its applied sequence and the futures of requests waiting for a higher one. */
    private static final class TopicState {

        private record Waiter(long sequence, CompletableFuture<Void> future) {
        }

        private long applied;
        private final List<Waiter> waiters = new ArrayList<>();

        synchronized long applied() {
            return applied;
        }

        synchronized CompletableFuture<Void> whenApplied(long sequence) {
            if (sequence <= applied) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> future = new CompletableFuture<>();
            waiters.add(new Waiter(sequence, future));
            return future;
        }

        /** Moves the topic on; returns the futures of the waiters that are now satisfied, for the caller to complete. */
        synchronized List<CompletableFuture<Void>> advance(long sequence) {
            List<CompletableFuture<Void>> reached = new ArrayList<>();
            if (sequence <= applied) {
                return reached;
            }
            applied = sequence;
            waiters.removeIf(waiter -> {
                if (waiter.sequence() <= sequence) {
                    reached.add(waiter.future());
                    return true;
                }
                return false;
            });
            return reached;
        }

        synchronized boolean isIdle() {
            return applied == 0 && waiters.isEmpty();
        }

        synchronized int waiting() {
            return waiters.size();
        }

        synchronized void forget(CompletableFuture<Void> future) {
            waiters.removeIf(waiter -> waiter.future() == future);
        }
    }
}
