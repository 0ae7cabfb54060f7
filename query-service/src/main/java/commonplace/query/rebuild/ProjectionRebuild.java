package commonplace.query.rebuild;

import com.zaxxer.hikari.HikariDataSource;
import commonplace.query.ingest.BatchApplier;
import commonplace.query.ingest.EventConsumer;
import commonplace.query.ingest.IngestListener;
import commonplace.query.ingest.KafkaSettings;
import commonplace.query.ingest.OffsetStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayProperties;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds every read model from the whole Kafka topic without downtime: one rebuild at a time (across instances
 * too: a PostgreSQL advisory lock guards it), its progress while it runs and the outcome of the last one. At start
 * it drops what a rebuild cut short by a crash left behind.
 */
@Component
public class ProjectionRebuild implements SmartLifecycle {

    /** A running rebuild, as the status shows it; {@code estimatedSecondsLeft} is null until a rate is known. */
    public record Progress(Instant startedAt, String phase, long eventsApplied, long eventsPerSecond,
                           Long estimatedSecondsLeft) {
    }

    /**
     * How the last rebuild ended.
     *
     * @param outcome "completed", "failed" or "cancelled"
     * @param problem why it did not complete; null when it did
     */
    public record Outcome(String outcome, Instant startedAt, Instant finishedAt, long events, long eventsPerSecond,
                          String problem) {
    }

    /** A rebuild is running already, here or in another instance on the same database. */
    public static final class AlreadyRunning extends RuntimeException {
        AlreadyRunning() {
            super("a rebuild is running");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    /** Per rebuild connection, only while it builds an index; one per worker builds at a time. */
    private static final String INDEX_BUILD_MEMORY = "256MB";

    private final LiveSide live;
    private final BatchApplier applier;
    private final DataSourceProperties database;
    private final FlywayProperties flyway;
    private final RebuildSettings settings;
    private final Clock clock = Clock.systemUTC();

    private final Object lifecycle = new Object();
    private boolean started;
    private volatile RebuildRun running;
    private volatile Thread thread;
    private volatile Outcome last;
    private RebuildSchemas schemas;

    ProjectionRebuild(EventConsumer consumer, OffsetStore offsets, JdbcTemplate jdbc, TransactionTemplate transactions,
                      DataSource dataSource, List<IngestListener> listeners, KafkaSettings kafka, BatchApplier applier,
                      DataSourceProperties database, FlywayProperties flyway, RebuildSettings settings) {
        this.live = new LiveSide(consumer, offsets, jdbc, transactions, dataSource, listeners, kafka);
        this.applier = applier;
        this.database = database;
        this.flyway = flyway;
        this.settings = settings;
    }

    /**
     * Starts a rebuild on its own thread.
     *
     * @throws AlreadyRunning when one runs already
     */
    public synchronized Progress rebuild() {
        if (running != null) {
            throw new AlreadyRunning();
        }
        RebuildSchemas names = schemas();
        HikariDataSource rebuildDataSource = rebuildDataSource(names.rebuild());
        Connection lock;
        try {
            lock = rebuildDataSource.getConnection();
            if (!advisoryLock(lock, "pg_try_advisory_lock")) {
                lock.close();
                rebuildDataSource.close();
                throw new AlreadyRunning();
            }
        } catch (SQLException e) {
            rebuildDataSource.close();
            throw new DataAccessResourceFailureException("the database is not reachable for a rebuild", e);
        }
        RebuildRun run = new RebuildRun(live, names, rebuildDataSource, applier, settings, clock);
        running = run;
        Thread worker = new Thread(() -> runToTheEnd(run, rebuildDataSource, lock), "commonplace-query-rebuild");
        thread = worker;
        log.info("Rebuild started: replaying {} from offset 0 into schema {}", live.kafka().kafkaTopic(),
                names.rebuild());
        worker.start();
        return run.progress();
    }

    public Optional<Progress> progress() {
        RebuildRun run = running;
        return run == null ? Optional.empty() : Optional.of(run.progress());
    }

    public Optional<Outcome> lastOutcome() {
        return Optional.ofNullable(last);
    }

    private void runToTheEnd(RebuildRun run, HikariDataSource rebuildDataSource, Connection lock) {
        String outcome = "completed";
        String problem = null;
        try {
            run.execute();
        } catch (RebuildRun.Cancelled | RebuildRun.Failed e) {
            outcome = e instanceof RebuildRun.Cancelled ? "cancelled" : "failed";
            problem = e.getMessage();
            log.warn("Rebuild {}: {}", outcome, problem);
        } catch (RuntimeException e) {
            outcome = "failed";
            problem = "an unexpected error; the service log has the details. The live read models stay.";
            log.error("Rebuild failed; the live read models stay", e);
        } finally {
            if (!"completed".equals(outcome)) {
                dropLeftovers(lock);
            }
            releaseLock(lock);
            try {
                lock.close();
            } catch (SQLException e) {
                log.debug("Closing the rebuild lock's connection failed: {}", e.toString());
            }
            rebuildDataSource.close();
            finish(run, outcome, problem);
        }
    }

    private synchronized void finish(RebuildRun run, String outcome, String problem) {
        Instant finishedAt = clock.instant();
        double seconds = Math.max(Duration.between(run.startedAt(), finishedAt).toNanos() / 1e9, 1e-3);
        long perSecond = Math.round(run.applied() / seconds);
        double replaySeconds = run.replayNanos() / 1e9;
        last = new Outcome(outcome, run.startedAt(), finishedAt, run.applied(), perSecond, problem);
        running = null;
        log.info("Rebuild {}: {} events in {} s, {} events/s overall, {} events/s from the first replayed batch on",
                outcome, run.applied(), String.format("%.2f", seconds), perSecond,
                replaySeconds <= 0 ? 0 : Math.round(run.applied() / replaySeconds));
    }

    /** Drops what a crashed rebuild left, unless a rebuild (of another instance) holds the lock right now. */
    @Override
    public void start() {
        synchronized (lifecycle) {
            started = true;
        }
        try {
            live.jdbc().execute((ConnectionCallback<Void>) connection -> {
                if (advisoryLock(connection, "pg_try_advisory_lock")) {
                    dropLeftovers(connection);
                    releaseLock(connection);
                } else {
                    log.info("A rebuild is running elsewhere; its schema stays");
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Leftovers of an earlier rebuild could not be checked: {}", e.toString());
        }
    }

    /** Stops a running rebuild: the live read models stay as they are, the half-built schema is dropped. */
    @Override
    public void stop() {
        synchronized (lifecycle) {
            started = false;
        }
        RebuildRun run = running;
        Thread worker = thread;
        if (run != null && worker != null) {
            run.cancel();
            try {
                worker.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (lifecycle) {
            return started;
        }
    }

    private synchronized RebuildSchemas schemas() {
        if (schemas == null) {
            // the schema the pool's connections read (spring.datasource.hikari.schema): Flyway's as well
            String liveSchema = live.jdbc().queryForObject("select current_schema()", String.class);
            schemas = new RebuildSchemas(liveSchema, flyway.getTable(), flyway.getLocations());
        }
        return schemas;
    }

    private void dropLeftovers(Connection connection) {
        try {
            schemas().dropLeftovers(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
        } catch (RuntimeException e) {
            log.warn("Leftovers of a rebuild could not be dropped (the next start tries again): {}", e.toString());
        }
    }

    private boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select " + function + "(hashtext(?))")) {
            statement.setString(1, "commonplace.query.rebuild:" + schemas().rebuild());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void releaseLock(Connection connection) {
        try {
            advisoryLock(connection, "pg_advisory_unlock");
        } catch (SQLException e) {
            log.debug("The rebuild lock goes with its connection: {}", e.toString());
        }
    }

    /**
     * The rebuild's own pool: its search path is the rebuild schema, its commits do not wait for the disk, every
     * statement is planned for the tables as they are now.
     */
    private HikariDataSource rebuildDataSource(String schema) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("commonplace-rebuild");
        pool.setJdbcUrl(database.determineUrl());
        pool.setUsername(database.determineUsername());
        pool.setPassword(database.determinePassword());
        pool.setSchema(schema);
        // a connection per worker, the lock's, and Flyway's two while the schema is created
        pool.setMaximumPoolSize(Math.max(settings.workers(), 1) + 2);
        pool.setMinimumIdle(0);
        pool.setConnectionTimeout(10_000);
        // a crash loses at most the last rebuild batches, and a crashed rebuild is dropped anyway; the tables grow
        // from nothing, so a plan cached while they were small (a scan) must not outlive that; the deferred indexes
        // are sorted in memory rather than in temporary files (the default 64MB spills at a million rows)
        pool.addDataSourceProperty("options", "-c synchronous_commit=off -c plan_cache_mode=force_custom_plan "
                + "-c maintenance_work_mem=" + INDEX_BUILD_MEMORY);
        pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        return pool;
    }
}
