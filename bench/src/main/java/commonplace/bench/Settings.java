package commonplace.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's knobs, from the environment; {@code BENCH_QUICK=1} shrinks everything for a smoke run.
 *
 * @param clients        writers of the closed-loop runs (each its own connection and author)
 * @param openClients    writers of the fixed-rate runs: enough that a slow answer does not hold back the next start
 * @param overloadFactor the overload run offers this many times the closed-loop rate of the same run
 * @param profile        whether the last closed-loop run records a JFR profile of both services
 * @param importComments comments in the import scenario's export
 * @param importWarmUpComments comments of each unmeasured import before the measured ones, repeated for
 *                       {@code serviceWarmUp} (the services' JIT warm-up)
 * @param serviceWarmUp  writes (or imports) before the first measured write (or import) run: the JIT compilers of
 *                       the services take a good share of the cores for a minute or two of load, and the first runs
 *                       would pay for it
 */
record Settings(int runs, int clients, int openClients, double rate, double overloadFactor, double readRate,
                int topics, Duration warmUp, Duration measured, Duration readMeasured, long replayEvents,
                int replayRuns, int bigThread, Path workDirectory, Path report, Set<String> scenarios,
                boolean profile, int importComments, int importWarmUpComments, Duration serviceWarmUp) {

    static Settings fromEnvironment(Map<String, String> env) {
        boolean quick = "1".equals(env.get("BENCH_QUICK"));
        return new Settings(
                integer(env, "BENCH_RUNS", quick ? 1 : 3),
                integer(env, "BENCH_CLIENTS", 32),
                integer(env, "BENCH_OPEN_CLIENTS", 128),
                Double.parseDouble(env.getOrDefault("BENCH_RATE", "2000")),
                Double.parseDouble(env.getOrDefault("BENCH_OVERLOAD_FACTOR", "2")),
                Double.parseDouble(env.getOrDefault("BENCH_READ_RATE", "500")),
                integer(env, "BENCH_TOPICS", 200),
                Duration.ofSeconds(integer(env, "BENCH_WARMUP_SECONDS", quick ? 3 : 10)),
                Duration.ofSeconds(integer(env, "BENCH_SECONDS", quick ? 10 : 60)),
                Duration.ofSeconds(integer(env, "BENCH_READ_SECONDS", quick ? 5 : 15)),
                Long.parseLong(env.getOrDefault("BENCH_REPLAY_EVENTS", quick ? "50000" : "1000000")),
                integer(env, "BENCH_REPLAY_RUNS", quick ? 1 : 2),
                integer(env, "BENCH_THREAD_COMMENTS", quick ? 2000 : 10_000),
                Path.of(env.getOrDefault("BENCH_WORK_DIR", "target/bench")),
                Path.of(env.getOrDefault("BENCH_REPORT", "target/bench/report.md")),
                Set.of(env.getOrDefault("BENCH_SCENARIOS", "write,read,widget,replay,import").split(",")),
                !"0".equals(env.getOrDefault("BENCH_PROFILE", "1")),
                integer(env, "BENCH_IMPORT_COMMENTS", quick ? 20_000 : 100_000),
                integer(env, "BENCH_IMPORT_WARMUP_COMMENTS", quick ? 5_000 : 50_000),
                Duration.ofSeconds(integer(env, "BENCH_SERVICE_WARMUP_SECONDS", quick ? 10 : 120)));
    }

    /**
     * Whether a scenario group ({@code write}, {@code read}, {@code widget}, {@code replay}, {@code import}, or
     * {@code closed}: of the writes only the closed loop against raw PostgreSQL) is part of this run.
     */
    boolean includes(String scenario) {
        return scenarios.contains(scenario);
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        return Integer.parseInt(env.getOrDefault(name, String.valueOf(fallback)));
    }
}
