package commonplace.bench;

import commonplace.local.infra.PostgresServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The write targets, each measured once per run: a fixed rate over many topics, the closed loop over many topics
 * against raw PostgreSQL in the same run, one hot topic, overload (a multiple of the closed-loop rate) and one client
 * posting in a loop; with the projection lag, the CPU per command of every part, and for an extra closed loop
 * PostgreSQL's statement statistics and a JFR profile of both services.
 */
final class WriteScenarios {

    /** The processes a profile is taken of: the command service's and the query service's. */
    record Profiled(long commandPid, long queryPid, Path directory) {
    }

    private final Settings settings;
    private final Api api;
    private final Report report;
    private final PostgresServer postgres;
    private final CpuMeter cpu;
    private final StatementStats statements;
    private final Profiled profiled;
    /** The commands the last measured run completed, warm-up included (what the statement statistics cover). */
    private long lastCompleted;

    WriteScenarios(Settings settings, Api api, Report report, PostgresServer postgres, CpuMeter cpu,
                   StatementStats statements, Profiled profiled) {
        this.settings = settings;
        this.api = api;
        this.report = report;
        this.postgres = postgres;
        this.cpu = cpu;
        this.statements = statements;
        this.profiled = profiled;
    }

    void run() throws Exception {
        List<String> topics = new ArrayList<>();
        for (int t = 0; t < settings.topics(); t++) {
            topics.add("bench-episode-" + t);
        }
        Report.Write fixed = report.write("many topics (" + settings.topics() + "), fixed rate "
                + (int) settings.rate() + "/s, " + settings.openClients() + " connections");
        Report.Write closed = report.write("closed loop, many topics, " + settings.clients() + " writers");
        Report.Write hot = report.write("closed loop, one hot topic, " + settings.clients() + " writers");
        Report.Write overload = report.write(String.format(Locale.ROOT, "overload: fixed rate %.0f × the closed "
                + "loop's, many topics, %d connections", settings.overloadFactor(), settings.openClients()));
        Report.Write single = report.write("one client posting in a loop");
        report.overload(overload);
        warmUpServices(topics);
        Figures commonplaceMax = new Figures("commands/s");
        Figures rawMax = new Figures("transactions/s");
        Figures ratio = new Figures("%");
        // "closed" alone: the closed loop against raw PostgreSQL, for comparing two builds in little time
        boolean every = settings.includes("write");
        for (int run = 0; run < settings.runs(); run++) {
            if (every) {
                measure(fixed, settings.rate(), settings.openClients(),
                        new WriteWorkload(api, topics, settings.openClients(), 100 + run), false);
            }

            LoadGenerator.Result max = measure(closed, 0, settings.clients(),
                    new WriteWorkload(api, topics, settings.clients(), 300 + run), false);
            long commands = max.succeeded();
            LoadGenerator.Result raw = new RawPostgresBaseline(postgres.jdbcUrl("commonplace"), PostgresServer.USER, "")
                    .run(settings.clients(), Duration.ZERO, settings.measured().multipliedBy(3), commands);
            commonplaceMax.add(max.throughput());
            rawMax.add(raw.throughput());
            ratio.add(100 * max.throughput() / raw.throughput());
            Benchmark.say("closed loop: commonplace %.0f commands/s, raw PostgreSQL %.0f tx/s for the same %d "
                    + "transactions", max.throughput(), raw.throughput(), commands);

            if (!every) {
                continue;
            }
            measure(hot, 0, settings.clients(), new WriteWorkload(api, List.of("bench-hot-" + run), settings.clients(),
                    200 + run), false);
            double offered = Math.max(100, settings.overloadFactor() * max.throughput());
            overload.offered.add(offered);
            measure(overload, offered, settings.openClients(),
                    new WriteWorkload(api, topics, settings.openClients(), 400 + run), true);
            measure(single, 0, 1, new WriteWorkload(api, topics, 1, 500 + run), false);
        }
        report.baseline(commonplaceMax, rawMax, ratio);
        profileClosedLoop(topics);
    }

    /**
     * One more closed-loop run, after every measured one and counted in none: its JFR profile and statement statistics
     * describe the warm steady state. A recording costs the services more than it seems: a run measured while or
     * after one was taken (settings=profile) cost three to four times the CPU per command of the run before.
     */
    private void profileClosedLoop(List<String> topics) throws Exception {
        statements.reset();
        if (settings.profile()) {
            Profiles.start(profiled.commandPid(), "bench");
            Profiles.start(profiled.queryPid(), "bench");
        }
        measure(null, 0, settings.clients(), new WriteWorkload(api, topics, settings.clients(), 600), false);
        if (settings.profile()) {
            summariseProfile("command service", profiled.commandPid());
            summariseProfile("query service", profiled.queryPid());
        }
        report.statements(statements.read(12), lastCompleted);
    }

    private void summariseProfile(String part, long pid) {
        try {
            Path recording = Profiles.stop(pid, "bench", profiled.directory());
            if (recording != null) {
                report.profile(part, Profiles.summarise(recording, 15));
            }
        } catch (Exception e) {
            Benchmark.say("no profile of the %s: %s", part, e.getMessage());
        }
    }

    /**
     * Writes for a while before anything is measured: the first scenario would otherwise pay for the services' JIT
     * compilation and cold caches, and the later ones would not. With 30 s of it, the closed loop's CPU per command
     * still fell from run to run (4.19, 3.68, 2.30 ms in the command service) while the compiler threads stayed busy.
     */
    private void warmUpServices(List<String> topics) throws Exception {
        WriteWorkload workload = new WriteWorkload(api, topics, settings.clients(), 99);
        workload.openTopics();
        Duration warmUp = settings.serviceWarmUp();
        LoadGenerator.Result result = LoadGenerator.run(settings.clients(), 0, Duration.ZERO, warmUp, workload);
        Benchmark.say("services warmed up for %d s: %d writes", warmUp.toSeconds(), result.succeeded());
        drain(workload);
        workload.close();
    }

    /**
     * Waits until the query service has applied the run's newest acknowledged write and reports no lag, so that no
     * run inherits the backlog of the one before; returns how long that took.
     */
    private double drain(WriteWorkload workload) throws Exception {
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(10).toNanos();
        WriteWorkload.Acknowledged newest = workload.newest();
        if (newest != null && newest.position() != null) {
            String read = "/topics/" + newest.topicId() + "?consistentWith=" + WriteWorkload.encode(newest.position());
            while (api.answersStale(read) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Benchmark.say("backlog drained in %.2f s", seconds);
        return seconds;
    }

    private void recordCpu(String scenario, Map<String, Double> before, long startedAt, long commands) {
        double wallSeconds = (System.nanoTime() - startedAt) / 1e9;
        Map<String, Double> used = CpuMeter.difference(before, cpu.seconds());
        double total = used.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> perCommand = new LinkedHashMap<>();
        used.forEach((part, seconds) -> perCommand.put(part, 1000 * seconds / Math.max(1, commands)));
        perCommand.put("all parts", 1000 * total / Math.max(1, commands));
        report.cpu(scenario, perCommand, total / wallSeconds);
        Benchmark.say("%s: CPU per command %s ms; %.2f cores busy", scenario, perCommand.entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f", e.getValue())).toList(),
                total / wallSeconds);
    }

    /** Counts every successful operation, warm-up included, to divide the CPU time of the whole run by. */
    private static final class CountedWorkload implements LoadGenerator.Operation {

        private final WriteWorkload operation;
        private final LongAdder completed = new LongAdder();

        CountedWorkload(WriteWorkload operation) {
            this.operation = operation;
        }

        @Override
        public int call(int client, long index) throws Exception {
            int status = operation.call(client, index);
            if (status >= 200 && status < 300) {
                completed.increment();
            }
            return status;
        }

        long completed() {
            return completed.sum();
        }
    }

    /**
     * One measured run: at {@code rate} (0: closed loop) from {@code clients} connections, with the lag sampled all
     * along and the CPU of every part over the run and its drain (the work the projection still had to do is part of
     * what the commands cost). Without {@code figures} the run is counted in nothing.
     */
    private LoadGenerator.Result measure(Report.Write figures, double rate, int clients, WriteWorkload workload,
                                         boolean overloaded) throws Exception {
        workload.openTopics();
        LagSampler lag = new LagSampler(api, workload);
        Thread sampler = new Thread(lag, "lag-sampler");
        sampler.start();
        CountedWorkload counted = new CountedWorkload(workload);
        Map<String, Double> cpuBefore = cpu.seconds();
        long startedAt = System.nanoTime();
        LoadGenerator.Result result = LoadGenerator.run(clients, rate, settings.warmUp(), settings.measured(), counted);
        lag.stop();
        sampler.join();
        double drained = drain(workload);
        lastCompleted = counted.completed();
        workload.close();
        if (figures == null) {
            return result;
        }
        recordCpu(figures.name(), cpuBefore, startedAt, counted.completed());
        figures.add(result, lag, drained);
        if (overloaded) {
            figures.shedAnswer(workload.shedAnswerSeen());
        }
        Benchmark.say("%s: %.0f/s, p50 %.2f ms, p99 %.1f ms (accepted %.1f ms), failed %d, not sent %d %s; lag p50 %.0f"
                        + " ms p99 %.0f ms", figures.name(), result.throughput(), result.millis(50), result.millis(99),
                result.acceptedMillis(99), result.failed(), result.notSent(), result.statuses(),
                lag.lagMicros().getValueAtPercentile(50) / 1000.0, lag.lagMicros().getValueAtPercentile(99) / 1000.0);
        return result;
    }
}
