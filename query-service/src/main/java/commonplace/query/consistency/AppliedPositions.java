package commonplace.query.consistency;

import commonplace.query.ingest.IngestListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * How far each topic has been applied, as far as this instance knows, and the requests waiting for a topic to
 * get further. The consumer reports after every committed batch; a waiting request is completed by that report,
 * so nothing polls the database. A topic that parks completes its waiters at once: nothing will reach them until an
 * admin acts.
 */
@Component
public class AppliedPositions implements IngestListener {

    /** How a wait for a position ended. */
    public enum Reached {
        /** The position's event is applied. */
        APPLIED,
        /** The topic is parked before the position: the read answers now, marked. */
        PARKED,
        /** The time ran out first. */
        TIMED_OUT
    }

    /** What the database says of a topic: how far it is applied, and whether it is parked. */
    public record Standing(long appliedSequence, boolean parked) {
    }

    private final ConcurrentHashMap<String, TopicState> topics = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;

    AppliedPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void batchCommitted(Map<String, Long> appliedSequenceByTopic) {
        appliedSequenceByTopic.forEach(this::advance);
    }

    @Override
    public void topicsParked(Set<String> topicIds) {
        for (String topicId : topicIds) {
            TopicState state = topics.get(topicId);
            if (state != null) {
                state.drain().forEach(future -> future.complete(Reached.PARKED));
            }
        }
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
     * Asks the database once how far {@code topicId} is (memory only knows topics applied since this instance
     * started) and remembers what it says.
     */
    public Standing lookUp(String topicId) {
        Standing standing = jdbc.queryForObject("""
                select coalesce((select applied_sequence from topic_progress where topic_id = ?), 0),
                       exists (select 1 from parked_topic where topic_id = ?)""",
                (row, index) -> new Standing(row.getLong(1), row.getBoolean(2)), topicId, topicId);
        if (standing != null && standing.appliedSequence() > 0) {
            advance(topicId, standing.appliedSequence());
        }
        return standing == null ? new Standing(0, false) : standing;
    }

    /**
     * A future completed when {@code sequence} of {@code topicId} is applied or the topic parks, or with
     * {@link Reached#TIMED_OUT} after {@code timeout}. It holds no thread while it waits.
     */
    public CompletableFuture<Reached> whenApplied(String topicId, long sequence, Duration timeout) {
        CompletableFuture<Reached> applied = whenApplied(topicId, sequence);
        if (!applied.isDone()) {
            applied.completeOnTimeout(Reached.TIMED_OUT, timeout.toMillis(), TimeUnit.MILLISECONDS);
            applied.whenComplete((reached, failure) -> forget(topicId, applied));
        }
        return applied;
    }

    /**
     * Waits until {@code sequence} of {@code topicId} is applied, at most {@code timeout}, holding the calling thread.
     *
     * @return false when the time ran out first or the topic is parked
     */
    public boolean awaitApplied(String topicId, long sequence, Duration timeout) {
        if (appliedSequence(topicId) >= sequence) {
            return true;
        }
        Standing standing = lookUp(topicId);
        if (standing.appliedSequence() >= sequence) {
            return true;
        }
        if (standing.parked()) {
            return false;
        }
        CompletableFuture<Reached> waiter = whenApplied(topicId, sequence, timeout);
        try {
            return waiter.get() == Reached.APPLIED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a position future never fails", e);
        } finally {
            // the completion's own clean-up runs on the completing thread and may not have run yet: leave nothing
            forget(topicId, waiter);
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

    /**
     * Walks the map rather than asking {@code size()}: the map's counter is updated after a removal's lock is
     * released, so a removal made on the timeout's thread may not be counted yet when the waiting thread asks.
     */
    int knownTopics() {
        return (int) topics.keySet().stream().count();
    }

    CompletableFuture<Reached> whenApplied(String topicId, long sequence) {
        List<CompletableFuture<Reached>> registered = new ArrayList<>(1);
        topics.compute(topicId, (id, state) -> {
            TopicState current = state == null ? new TopicState() : state;
            registered.add(current.whenApplied(sequence));
            return current;
        });
        return registered.get(0);
    }

    private void advance(String topicId, long sequence) {
        List<CompletableFuture<Reached>> reached = new ArrayList<>();
        topics.compute(topicId, (id, state) -> {
            TopicState current = state == null ? new TopicState() : state;
            reached.addAll(current.advance(sequence));
            return current;
        });
        reached.forEach(future -> future.complete(Reached.APPLIED));
    }

    /** Drops a finished waiter, and the topic too when it only existed for waiters (any id a client names). */
    private void forget(String topicId, CompletableFuture<Reached> waiter) {
        topics.computeIfPresent(topicId, (id, state) -> {
            state.forget(waiter);
            return state.isIdle() ? null : state;
        });
    }

    /** One topic: its applied sequence and the futures of requests waiting for a higher one. */
    private static final class TopicState {

        private record Waiter(long sequence, CompletableFuture<Reached> future) {
        }

        private long applied;
        private final List<Waiter> waiters = new ArrayList<>();

        synchronized long applied() {
            return applied;
        }

        synchronized CompletableFuture<Reached> whenApplied(long sequence) {
            if (sequence <= applied) {
                return CompletableFuture.completedFuture(Reached.APPLIED);
            }
            CompletableFuture<Reached> future = new CompletableFuture<>();
            waiters.add(new Waiter(sequence, future));
            return future;
        }

        /** Moves the topic on; returns the futures of the waiters that are now satisfied, for the caller to complete. */
        synchronized List<CompletableFuture<Reached>> advance(long sequence) {
            List<CompletableFuture<Reached>> reached = new ArrayList<>();
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

        /** Every waiter, removed: the topic parked. */
        synchronized List<CompletableFuture<Reached>> drain() {
            List<CompletableFuture<Reached>> all = waiters.stream().map(Waiter::future).toList();
            waiters.clear();
            return all;
        }

        synchronized boolean isIdle() {
            return applied == 0 && waiters.isEmpty();
        }

        synchronized int waiting() {
            return waiters.size();
        }

        synchronized void forget(CompletableFuture<Reached> future) {
            waiters.removeIf(waiter -> waiter.future() == future);
        }
    }
}
