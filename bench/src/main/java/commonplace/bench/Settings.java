package commonplace.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** The benchmark's knobs, from the environment; {@code BENCH_QUICK=1} shrinks everything for a smoke run. */
record Settings(int runs, int clients, double rate, double steadyRate, double readRate, int topics, Duration warmUp, Duration measured,
                Duration readMeasured, long replayEvents, int replayRuns, int bigThread, Path workDirectory, Path report,
                Set<String> scenarios, int importComments) {

    static Settings fromEnvironment(Map<String, String> env) {
        boolean quick = "1".equals(env.get("BENCH_QUICK"));
        return new Settings(
                integer(env, "BENCH_RUNS", quick ? 1 : 3),
                integer(env, "BENCH_CLIENTS", 32),
                Double.parseDouble(env.getOrDefault("BENCH_RATE", "1000")),
                Double.parseDouble(env.getOrDefault("BENCH_STEADY_RATE", "400")),
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
                integer(env, "BENCH_IMPORT_COMMENTS", quick ? 20_000 : 100_000));
    }

    /** Whether a scenario group ({@code write}, {@code read}, {@code widget}, {@code replay}, {@code import}) is part of this run. */
    boolean includes(String scenario) {
        return scenarios.contains(scenario);
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        return Integer.parseInt(env.getOrDefault(name, String.valueOf(fallback)));
    }
}
