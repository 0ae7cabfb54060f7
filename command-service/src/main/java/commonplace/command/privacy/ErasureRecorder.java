package commonplace.command.privacy;

import commonplace.command.topic.model.Commands.RecordErasure;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The durable second half of an erasure: records an {@code AuthorErased} in every topic an erasure lists and has not
 * recorded yet, through the topic itself (so it comes after every event of the author there, and the topic's cached
 * state learns of it), then marks the topic done and deletes its snapshots. Its work list is in the database, so it
 * resumes after a crash or restart; the topic records each erasure once, so a topic told twice (a crash between the
 * event and the mark, two instances at once) records nothing the second time. Runs on one thread of its own, woken by
 * each erasure and otherwise every {@code interval}.
 */
final class ErasureRecorder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ErasureRecorder.class);
    private static final int BATCH = 100;

    private record Pending(String erasureId, String topicId, String authorId, String requestedBy, String[] keyIds,
                           int topicCount) {
    }

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final Duration interval;
    private ScheduledExecutorService executor;

    ErasureRecorder(JdbcTemplate jdbc, CommandGateway commands, PlatformTransactionManager transactions,
                    Duration interval) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.transaction = new TransactionTemplate(transactions);
        this.interval = interval;
    }

    /** Records what is pending soon, without waiting for the next interval. */
    void wake() {
        ScheduledExecutorService running = executor;
        if (running != null && !running.isShutdown()) {
            running.execute(this::recordPendingQuietly);
        }
    }

    /**
     * Records every pending erasure in its topics; returns how many topics it told. A topic that fails is left for the
     * next round and does not hold up the others. For tests and the job.
     */
    int recordPending() {
        int told = 0;
        String afterErasure = "";
        String afterTopic = "";
        List<Pending> pending;
        do {
            pending = jdbc.query("""
                    select t.erasure_id, t.topic_id, e.author_id, e.requested_by, e.key_ids, e.topic_count
                    from erasure_topic t join erasure e on e.erasure_id = t.erasure_id
                    where t.recorded_at is null and (t.erasure_id, t.topic_id) > (?, ?)
                    order by t.erasure_id, t.topic_id limit ?""",
                    (row, n) -> new Pending(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            (String[]) row.getArray(5).getArray(), row.getInt(6)), afterErasure, afterTopic, BATCH);
            for (Pending topic : pending) {
                afterErasure = topic.erasureId();
                afterTopic = topic.topicId();
                try {
                    record(topic);
                    told++;
                } catch (RuntimeException e) {
                    // the topic stays on the work list; the message names ids at most, never text
                    log.warn("Recording erasure {} in topic {} failed, will retry: {}", topic.erasureId(),
                            topic.topicId(), e.toString());
                }
            }
        } while (pending.size() == BATCH);
        return told;
    }

    private void record(Pending topic) {
        try {
            commands.sendAndWait(new RecordErasure(topic.topicId(), topic.authorId(), Arrays.asList(topic.keyIds()),
                    topic.erasureId(), topic.topicCount(), topic.requestedBy()));
        } catch (AggregateNotFoundException e) {
            log.warn("Erasure {} lists topic {}, which has no events; nothing to record there", topic.erasureId(),
                    topic.topicId());
        }
        transaction.executeWithoutResult(status -> {
            jdbc.update("update erasure_topic set recorded_at = now() where erasure_id = ? and topic_id = ?",
                    topic.erasureId(), topic.topicId());
            jdbc.update("delete from snapshotevententry where aggregateidentifier = ?", topic.topicId());
            jdbc.update("update erasure set completed_at = now() where erasure_id = ? and completed_at is null"
                    + " and not exists (select 1 from erasure_topic where erasure_id = ? and recorded_at is null)",
                    topic.erasureId(), topic.erasureId());
        });
    }

    private void recordPendingQuietly() {
        try {
            recordPending();
        } catch (RuntimeException e) {
            // the database is away: the work list stays and the next round tries again
            log.warn("Reading the erasures' work list failed, will retry: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "erasure-recorder");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::recordPendingQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** After Axon's own lifecycle has started (the command bus must be there), before it stops. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
