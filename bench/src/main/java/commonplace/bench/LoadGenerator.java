package commonplace.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs an operation from {@code clients} threads, either as fast as they can (closed loop) or at a fixed rate (open
 * loop). At a fixed rate every operation has an intended start time and its latency is measured from that instant,
 * so a stall is charged to every request that had to wait behind it: coordinated omission does not flatter the
 * figures.
 */
final class LoadGenerator {

    /** One request; returns the HTTP status (or any code: 2xx counts as success). */
    @FunctionalInterface
    interface Operation {
        int call(int client, long index) throws Exception;
    }

    /**
     * @param notSent requests of the measured part that a fixed-rate run could not even start before its cutoff; each
     *                is in the latency histogram with the time it had waited by then (a lower bound)
     */
    record Result(long succeeded, long failed, long notSent, Map<Integer, Long> statuses, Histogram latencyMicros,
                  double seconds, long completedInWindow, Histogram acceptedMicros, Histogram shedMicros,
                  Histogram shedServiceMicros) {

        /**
         * How long the service took to answer 503, from the moment the request was sent (what shedding costs a
         * client whose request was sent on time; the other 503 figure includes the generator's own delay).
         */
        double shedServiceMillis(double percentile) {
            return shedServiceMicros.getTotalCount() == 0 ? Double.NaN
                    : shedServiceMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        /** Latency of the requests answered 2xx alone (under overload, what an accepted writer saw). */
        double acceptedMillis(double percentile) {
            return acceptedMicros.getTotalCount() == 0 ? Double.NaN
                    : acceptedMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        /** Latency of the requests refused with 503 (load shedding). */
        double shedMillis(double percentile) {
            return shedMicros.getTotalCount() == 0 ? Double.NaN : shedMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        long shed() {
            return statuses.getOrDefault(503, 0L);
        }

        double throughput() {
            return completedInWindow / seconds;
        }

        double millis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private LoadGenerator() {
    }

    /**
     * @param ratePerSecond 0 for a closed loop; otherwise the fixed total rate of intended starts
     * @param warmUp        operations intended to start within this first part are run but not recorded
     */
    static Result run(int clients, double ratePerSecond, Duration warmUp, Duration measured, Operation operation)
            throws InterruptedException {
        return run(clients, ratePerSecond, warmUp, measured, Long.MAX_VALUE, operation);
    }

    /**
     * How long a fixed-rate run may go on after its last intended start: a system slower than the rate would otherwise
     * keep the run going until it has worked off the whole backlog, which says nothing more and can take many times
     * the measured duration.
     */
    static Duration overrunAllowed(Duration measured) {
        Duration tenth = measured.dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(5)) > 0 ? tenth : Duration.ofSeconds(5);
    }

    /** As above, but a closed loop also stops after {@code maxOperations} (the raw baseline runs as many as we did). */
    static Result run(int clients, double ratePerSecond, Duration warmUp, Duration measured, long maxOperations,
                      Operation operation) throws InterruptedException {
        return run(clients, ratePerSecond, warmUp, measured, maxOperations, overrunAllowed(measured), operation);
    }

    static Result run(int clients, double ratePerSecond, Duration warmUp, Duration measured, long maxOperations,
                      Duration overrun, Operation operation) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        Recorder accepted = new Recorder(3);
        Recorder shed = new Recorder(3);
        Recorder shedService = new Recorder(3);
        LongAdder succeeded = new LongAdder();
        LongAdder failed = new LongAdder();
        LongAdder notSent = new LongAdder();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        AtomicLong next = new AtomicLong();
        AtomicLong lastDone = new AtomicLong();
        LongAdder completedInWindow = new LongAdder();
        long start = System.nanoTime() + Duration.ofMillis(200).toNanos();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        long cutoff = end + overrun.toNanos();
        double intervalNanos = ratePerSecond > 0 ? 1e9 / ratePerSecond : 0;

        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                while (true) {
                    long index = next.getAndIncrement();
                    if (index >= maxOperations) {
                        return;
                    }
                    long intended;
                    if (intervalNanos > 0) {
                        intended = start + (long) (index * intervalNanos);
                        if (intended >= end) {
                            return;
                        }
                        long now = System.nanoTime();
                        if (now > cutoff) {
                            if (intended >= measureFrom) {
                                recorder.recordValue(Math.max(1, (now - intended) / 1000));
                                notSent.increment();
                            }
                            continue;
                        }
                        sleepUntil(intended);
                    } else {
                        intended = Math.max(System.nanoTime(), start);
                        sleepUntil(intended);
                        if (intended >= end) {
                            return;
                        }
                    }
                    int status;
                    long sent = System.nanoTime();
                    try {
                        status = operation.call(client, index);
                    } catch (Exception e) {
                        status = -1;
                    }
                    long done = System.nanoTime();
                    lastDone.accumulateAndGet(done, Math::max);
                    if (done >= measureFrom && status >= 200 && status < 300) {
                        completedInWindow.increment();
                    }
                    if (intended >= measureFrom) {
                        long micros = Math.max(1, (done - intended) / 1000);
                        recorder.recordValue(micros);
                        if (status >= 200 && status < 300) {
                            accepted.recordValue(micros);
                        } else if (status == 503) {
                            shed.recordValue(micros);
                            shedService.recordValue(Math.max(1, (done - sent) / 1000));
                        }
                        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                        (status >= 200 && status < 300 ? succeeded : failed).increment();
                    }
                }
            }, "load-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // a fixed-rate run that falls behind finishes late: its throughput is what it completed per real second after
        // the warm-up, whichever intended start a request had (a backlog from the warm-up is still work done)
        double seconds = Math.max(1, lastDone.get() - measureFrom) / 1e9;
        Map<Integer, Long> counted = new java.util.TreeMap<>();
        statuses.forEach((status, count) -> counted.put(status, count.sum()));
        return new Result(succeeded.sum(), failed.sum(), notSent.sum(), counted, recorder.getIntervalHistogram(),
                seconds, completedInWindow.sum(), accepted.getIntervalHistogram(), shed.getIntervalHistogram(),
                shedService.getIntervalHistogram());
    }

    /**
     * Parks until the intended start. No spinning: 32 clients spinning out their last milliseconds took a core from
     * the services being measured; a park wakes within tens of microseconds, which the latency then includes.
     */
    private static void sleepUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}
