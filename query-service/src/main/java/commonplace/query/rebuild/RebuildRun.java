package commonplace.query.rebuild;

import com.zaxxer.hikari.HikariDataSource;
import commonplace.query.ingest.BatchApplier;
import commonplace.query.ingest.EventConsumer;
import commonplace.query.ingest.IngestListener;
import commonplace.query.ingest.KafkaSettings;
import commonplace.query.ingest.OffsetStore;
import commonplace.query.ingest.Projection;
import commonplace.query.rebuild.ProjectionRebuild.Progress;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One rebuild, on its own thread: the fresh schema, the replay of the whole topic into it, the deferred indexes,
 * and the switch between two live batches. Until the switch the live read models serve and keep being updated.
 */
final class RebuildRun {

    /** The live side the rebuild reads from and finally replaces. */
    record Live(EventConsumer consumer, OffsetStore offsets, JdbcTemplate jdbc, TransactionTemplate transactions,
                DataSource dataSource, List<IngestListener> listeners, KafkaSettings kafka) {
    }

    /** Stopped on purpose (the service shuts down). */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("the rebuild was stopped");
        }
    }

    /** Gave up for a reason this class knows and can say in the status. */
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(RebuildRun.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

    private final Live live;
    private final RebuildSchemas schemas;
    private final HikariDataSource rebuildDataSource;
    private final List<Projection> projections;
    private final RebuildSettings settings;
    private final Clock clock;
    private final Instant startedAt;

    private volatile String phase = "preparing";
    private volatile long applied;
    private volatile long remaining = -1;
    private volatile long replayStartedNanos;
    private volatile boolean cancelled;
    private volatile Replay replay;

    RebuildRun(Live live, RebuildSchemas schemas, HikariDataSource rebuildDataSource, List<Projection> projections,
               RebuildSettings settings, Clock clock) {
        this.live = live;
        this.schemas = schemas;
        this.rebuildDataSource = rebuildDataSource;
        this.projections = projections;
        this.settings = settings;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    Instant startedAt() {
        return startedAt;
    }

    long applied() {
        return applied;
    }

    Progress progress() {
        double rate = eventsPerSecond();
        Long secondsLeft = remaining < 0 || rate <= 0 ? null : Math.round(Math.ceil(remaining / rate));
        return new Progress(startedAt, phase, applied, Math.round(rate), secondsLeft);
    }

    /** Events applied per second since the replay began. */
    private double eventsPerSecond() {
        long since = replayStartedNanos;
        if (since == 0) {
            return 0;
        }
        double seconds = (System.nanoTime() - since) / 1e9;
        return seconds <= 0 ? 0 : applied / seconds;
    }

    /** Runs every step; throws when the rebuild did not switch (the live read models are then untouched). */
    void execute() {
        List<String> deferredIndexes = schemas.create(rebuildDataSource, settings.deferIndexes());
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(rebuildDataSource));
        BatchApplier applier = new BatchApplier(new JdbcTemplate(rebuildDataSource), transactions, projections);
        try (Replay opened = Replay.fromTheBeginning(live.kafka(), settings.maxPollRecords(), applier)) {
            replay = opened;
            phase = "replaying";
            replayStartedNanos = System.nanoTime();
            replayUntilNearTheLivePosition();
            long bulkNanos = System.nanoTime() - replayStartedNanos;
            long bulkEvents = applied;
            phase = "indexing";
            long indexStarted = System.nanoTime();
            schemas.createIndexes(rebuildDataSource, deferredIndexes);
            log.info("Rebuild: bulk replay of {} events took {} ms; indexes and statistics {} ms", bulkEvents,
                    bulkNanos / 1_000_000, (System.nanoTime() - indexStarted) / 1_000_000);
            phase = "catching-up";
            replayUntilNearTheLivePosition();
            phase = "switching";
            live.consumer().betweenBatches(this::catchUpAndSwitch);
        } finally {
            replay = null;
        }
        phase = "dropping-old";
        try {
            schemas.dropOld(live.jdbc());
        } catch (RuntimeException e) {
            // the switch is done; the next start drops what is left
            log.warn("The replaced read models could not be dropped yet: {}", e.toString());
        }
    }

    /** Makes a running replay stop at its next poll. */
    void cancel() {
        cancelled = true;
        Replay running = replay;
        if (running != null) {
            running.wakeup();
        }
    }

    /**
     * Replays until a poll comes back short (the end of the topic is near) and the live read models are at most a
     * batch ahead, so the switch holds the live consumer only briefly.
     */
    private void replayUntilNearTheLivePosition() {
        while (true) {
            Replay.Step step = step(POLL_TIMEOUT);
            if (step.records() < settings.maxPollRecords()
                    && replay.behind(live.offsets().load(live.kafka().topic())) <= settings.maxPollRecords()) {
                return;
            }
        }
    }

    /** Runs while the live consumer waits: the last records, then the swap in one transaction. */
    private void catchUpAndSwitch() {
        Map<Integer, Long> livePosition = live.offsets().load(live.kafka().topic());
        long deadline = System.nanoTime() + settings.switchDeadline().toNanos();
        while (!replay.reached(livePosition)) {
            if (System.nanoTime() > deadline) {
                throw new Failed("the rebuild did not reach the live position within "
                        + settings.switchDeadline().toSeconds() + " s; the live read models stay");
            }
            step(Duration.ofMillis(100));
        }
        live.transactions().executeWithoutResult(status -> schemas.swap(live.jdbc()));
        log.info("Rebuild switched: the rebuilt read models are live");
        // from here on the switch stands, whatever fails
        evictPooledConnections();
        for (IngestListener listener : live.listeners()) {
            try {
                listener.readModelsReplaced();
            } catch (RuntimeException e) {
                log.warn("{} could not re-read the new read models: {}", listener.getClass().getSimpleName(),
                        e.toString());
            }
        }
    }

    private Replay.Step step(Duration timeout) {
        if (cancelled) {
            throw new Cancelled();
        }
        try {
            Replay.Step step = replay.pollAndApply(timeout);
            applied += step.outcome().applied();
            try {
                remaining = replay.remaining();
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                // only the estimate suffers: the last figure stands
                log.debug("End offsets unavailable: {}", e.toString());
            }
            return step;
        } catch (WakeupException e) {
            throw new Cancelled();
        }
    }

    /**
     * Connections opened before the switch may hold server-side prepared statements planned against the old
     * tables; new ones only ever see the new schema. Idle ones close now, busy ones when they are handed back.
     */
    private void evictPooledConnections() {
        try {
            if (live.dataSource().isWrapperFor(HikariDataSource.class)) {
                HikariDataSource pool = live.dataSource().unwrap(HikariDataSource.class);
                if (pool.getHikariPoolMXBean() != null) {
                    pool.getHikariPoolMXBean().softEvictConnections();
                }
            }
        } catch (SQLException e) {
            log.warn("Pooled connections could not be evicted after the switch: {}", e.toString());
        }
    }

    long replayNanos() {
        long since = replayStartedNanos;
        return since == 0 ? 0 : System.nanoTime() - since;
    }
}
