package commonplace.query.rebuild;

import com.zaxxer.hikari.HikariDataSource;
import commonplace.query.ingest.BatchApplier;
import commonplace.query.ingest.FreshTables;
import commonplace.query.rebuild.ProjectionRebuild.Progress;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * One rebuild, on its own thread: the fresh schema, the replay of the whole Kafka topic into it (by several workers,
 * each with its own share of the partitions, its own connection and the same projection code), the deferred indexes,
 * and the switch between two live batches. Until the switch the live read models serve and keep being updated.
 */
final class RebuildRun {

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
    // a poll returns as soon as records are there: the timeout only delays noticing the end of the Kafka topic
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    private static final int ATTEMPTS = 5;

    private final LiveSide live;
    private final RebuildSchemas schemas;
    private final HikariDataSource rebuildDataSource;
    private final BatchApplier liveApplier;
    private final RebuildSettings settings;
    private final Instant startedAt;

    private final LongAdder applied = new LongAdder();
    private final CountDownLatch cancelledSignal = new CountDownLatch(1);
    private volatile String phase = "preparing";
    private volatile long replayStartedNanos;
    private volatile boolean cancelled;
    private volatile List<Share> shares = List.of();

    RebuildRun(LiveSide live, RebuildSchemas schemas, HikariDataSource rebuildDataSource, BatchApplier liveApplier,
               RebuildSettings settings, Clock clock) {
        this.live = live;
        this.schemas = schemas;
        this.rebuildDataSource = rebuildDataSource;
        this.liveApplier = liveApplier;
        this.settings = settings;
        this.startedAt = clock.instant();
    }

    Instant startedAt() {
        return startedAt;
    }

    long applied() {
        return applied.sum();
    }

    long replayNanos() {
        long since = replayStartedNanos;
        return since == 0 ? 0 : System.nanoTime() - since;
    }

    Progress progress() {
        double rate = eventsPerSecond();
        long remaining = 0;
        for (Share share : shares) {
            if (share.remaining < 0) {
                remaining = -1;
                break;
            }
            remaining += share.remaining;
        }
        Long secondsLeft = shares.isEmpty() || remaining < 0 || rate <= 0 ? null
                : Math.round(Math.ceil(remaining / rate));
        return new Progress(startedAt, phase, applied(), Math.round(rate), secondsLeft);
    }

    /** Events applied per second since the replay began. */
    private double eventsPerSecond() {
        double seconds = replayNanos() / 1e9;
        return seconds <= 0 ? 0 : applied() / seconds;
    }

    /** Runs every step; throws when the rebuild did not switch (the live read models are then untouched). */
    void execute() {
        List<RebuildSchemas.DeferredIndex> deferredIndexes = schemas.create(rebuildDataSource, settings.deferIndexes());
        // the same projections and parking rules, on the rebuild's tables: a topic that cannot be applied parks there
        BatchApplier applier = liveApplier.on(new FreshTables(rebuildDataSource),
                new TransactionTemplate(new DataSourceTransactionManager(rebuildDataSource)));
        int workers = Math.max(1, settings.workers());
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(workers, work -> {
            Thread thread = new Thread(work, "commonplace-query-rebuild-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        List<Share> opened = new ArrayList<>();
        try {
            for (int share = 0; share < workers; share++) {
                try {
                    opened.add(new Share(Replay.fromTheBeginning(live.kafka(), settings.maxPollRecords(), applier,
                            share, workers)));
                } catch (KafkaException e) {
                    throw new Failed("the Kafka topic could not be read (" + e.getClass().getSimpleName()
                            + "); the live read models stay");
                }
            }
            shares = List.copyOf(opened);
            phase = "replaying";
            replayStartedNanos = System.nanoTime();
            inParallel(threads, shares, Share::untilNearTheLivePosition);
            long bulkNanos = replayNanos();
            long bulkEvents = applied();
            phase = "indexing";
            long indexStarted = System.nanoTime();
            // per index, not per table: a table with several indexes would otherwise keep one worker busy alone
            inParallel(threads, schemas.buildOrder(rebuildDataSource, deferredIndexes),
                    index -> schemas.build(rebuildDataSource, index));
            inParallel(threads, schemas.tables(rebuildDataSource),
                    table -> schemas.finishTable(rebuildDataSource, table, deferredIndexes));
            log.info("Rebuild: bulk replay of {} events by {} workers took {} ms ({} events/s); indexes and "
                            + "statistics {} ms", bulkEvents, workers, bulkNanos / 1_000_000,
                    Math.round(bulkEvents / Math.max(bulkNanos / 1e9, 1e-3)),
                    (System.nanoTime() - indexStarted) / 1_000_000);
            phase = "catching-up";
            inParallel(threads, shares, Share::untilNearTheLivePosition);
            phase = "switching";
            live.consumer().betweenBatches(this::catchUpAndSwitch);
        } finally {
            shares = List.of();
            threads.shutdownNow();
            opened.forEach(share -> share.replay.close());
        }
        phase = "dropping-old";
        try {
            schemas.dropOld(live.jdbc());
        } catch (RuntimeException e) {
            // the switch is done; the next start drops what is left
            log.warn("The replaced read models could not be dropped yet: {}", e.toString());
        }
    }

    /** Makes the running replays stop at their next poll. */
    void cancel() {
        cancelled = true;
        cancelledSignal.countDown();
        shares.forEach(share -> share.replay.wakeup());
    }

    /** Runs {@code work} on every item, as many at once as there are workers; the first failure stops the rest. */
    private <T> void inParallel(ExecutorService threads, List<T> items, Consumer<T> work) {
        List<Future<?>> running = items.stream().<Future<?>>map(item -> threads.submit(() -> {
            if (cancelled) {
                throw new Cancelled();
            }
            work.accept(item);
        })).toList();
        RuntimeException failure = null;
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException cause ? cause
                            : new IllegalStateException("a rebuild worker failed", e.getCause());
                    cancel();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
                failure = failure == null ? new Cancelled() : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Runs while the live consumer waits: the last records, then the swap in one transaction. */
    private void catchUpAndSwitch() {
        Map<Integer, Long> livePosition = live.storedOffsets();
        long deadline = System.nanoTime() + settings.switchDeadline().toNanos();
        for (Share share : shares) {
            while (!share.replay.reached(livePosition)) {
                if (System.nanoTime() > deadline) {
                    throw new Failed("the rebuild did not reach the live position within "
                            + settings.switchDeadline().toSeconds() + " s; the live read models stay");
                }
                share.step(Duration.ofMillis(100));
            }
        }
        live.switchTo(schemas);
    }

    /** One worker's share of the partitions: its replay and how far it still is from the end of the Kafka topic. */
    private final class Share {

        private final Replay replay;
        private volatile long remaining = -1;

        Share(Replay replay) {
            this.replay = replay;
        }

        /**
         * Replays until a poll comes back short (the end of the Kafka topic is near) and the live read models are at
         * most a batch ahead, so the switch holds the live consumer only briefly.
         */
        void untilNearTheLivePosition() {
            while (true) {
                Replay.Step step = step(POLL_TIMEOUT);
                if (step.records() < settings.maxPollRecords()
                        && replay.behind(live.storedOffsets()) <= settings.maxPollRecords()) {
                    return;
                }
            }
        }

        /** One poll and its batch; a batch that failed for a passing reason is tried again a few times. */
        Replay.Step step(Duration timeout) {
            for (int attempt = 1; ; attempt++) {
                if (cancelled) {
                    throw new Cancelled();
                }
                try {
                    Replay.Step step = replay.pollAndApply(timeout);
                    applied.add(step.outcome().applied());
                    updateRemaining();
                    return step;
                } catch (WakeupException e) {
                    throw new Cancelled();
                } catch (Cancelled e) {
                    throw e;
                } catch (RuntimeException e) {
                    if (attempt >= ATTEMPTS) {
                        throw e;
                    }
                    log.warn("A rebuild batch failed ({}); trying again", e.getClass().getSimpleName());
                    pause(Duration.ofMillis(200L * attempt));
                }
            }
        }

        private void updateRemaining() {
            try {
                remaining = replay.remaining();
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                // only the estimate suffers: the last figure stands
                log.debug("End offsets unavailable: {}", e.toString());
            }
        }

        private void pause(Duration duration) {
            try {
                if (cancelledSignal.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new Cancelled();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancelled();
            }
        }
    }
}
