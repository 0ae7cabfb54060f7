package commonplace.bench;

import commonplace.local.infra.PostgresServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Write throughput and latency (many topics, one hot topic), projection lag under load, and the raw baseline. */
final class WriteScenarios {

    private final Settings settings;
    private final Api api;
    private final Report report;
    private final PostgresServer postgres;
    private final CpuMeter cpu;

    WriteScenarios(Settings settings, Api api, Report report, PostgresServer postgres, CpuMeter cpu) {
        this.settings = settings;
        this.api = api;
        this.report = report;
        this.postgres = postgres;
        this.cpu = cpu;
    }

    void run() throws Exception {
        List<String> topics = new ArrayList<>();
        for (int t = 0; t < settings.topics(); t++) {
            topics.add("bench-episode-" + t);
        }
        Report.Write many = report.write("many topics (" + settings.topics() + "), fixed rate "
                + (int) settings.rate() + "/s");
        Report.Write steady = report.write("many topics (" + settings.topics() + "), fixed rate "
                + (int) settings.steadyRate() + "/s");
        Report.Write hot = report.write("one hot topic, fixed rate " + (int) settings.rate() + "/s");
        warmUpServices(topics);
        Figures commonplaceMax = new Figures("commands/s");
        Figures rawMax = new Figures("transactions/s");
        Figures ratio = new Figures("%");
        for (int run = 0; run < settings.runs(); run++) {
            fixedRate(many, settings.rate(), new WriteWorkload(api, topics, settings.clients(), 100 + run));
            fixedRate(steady, settings.steadyRate(), new WriteWorkload(api, topics, settings.clients(), 150 + run));
            fixedRate(hot, settings.rate(), new WriteWorkload(api, List.of("bench-hot-" + run), settings.clients(),
                    200 + run));

            CountedWorkload closed = new CountedWorkload(new WriteWorkload(api, topics, settings.clients(), 300 + run));
            Map<String, Double> cpuBefore = cpu.seconds();
            long startedAt = System.nanoTime();
            LoadGenerator.Result max = LoadGenerator.run(settings.clients(), 0, settings.warmUp(), settings.measured(),
                    closed);
            drain(closed.workload());
            recordCpu("closed loop, many topics", cpuBefore, startedAt, closed.completed());
            long commands = max.succeeded();
            LoadGenerator.Result raw = new RawPostgresBaseline(postgres.jdbcUrl("commonplace"), PostgresServer.USER, "")
                    .run(settings.clients(), Duration.ZERO, settings.measured().multipliedBy(3), commands);
            commonplaceMax.add(max.throughput());
            rawMax.add(raw.throughput());
            ratio.add(100 * max.throughput() / raw.throughput());
            Benchmark.say("closed loop: commonplace %.0f commands/s (p99 %.1f ms, %d failed), raw PostgreSQL %.0f tx/s"
                    + " for the same %d transactions", max.throughput(), max.millis(99), max.failed(),
                    raw.throughput(), commands);
        }
        report.baseline(commonplaceMax, rawMax, ratio);
    }

    /**
     * Writes for a while before anything is measured: the first scenario would otherwise pay for the services' JIT
     * compilation and cold caches, and the later ones would not.
     */
    private void warmUpServices(List<String> topics) throws Exception {
        WriteWorkload workload = new WriteWorkload(api, topics, settings.clients(), 99);
        workload.openTopics();
        Duration warmUp = settings.warmUp().multipliedBy(3);
        LoadGenerator.Result result = LoadGenerator.run(settings.clients(), 0, Duration.ZERO, warmUp, workload);
        Benchmark.say("services warmed up for %d s: %d writes", warmUp.toSeconds(), result.succeeded());
        drain(workload);
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
                Thread.sleep(100);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Benchmark.say("backlog drained in %.1f s", seconds);
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

        WriteWorkload workload() {
            return operation;
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

    private void fixedRate(Report.Write figures, double rate, WriteWorkload workload) throws Exception {
        workload.openTopics();
        LagSampler lag = new LagSampler(api, workload);
        Thread sampler = new Thread(lag, "lag-sampler");
        sampler.start();
        CountedWorkload counted = new CountedWorkload(workload);
        Map<String, Double> cpuBefore = cpu.seconds();
        long startedAt = System.nanoTime();
        LoadGenerator.Result result = LoadGenerator.run(settings.clients(), rate, settings.warmUp(),
                settings.measured(), counted);
        recordCpu(figures.name(), cpuBefore, startedAt, counted.completed());
        lag.stop();
        sampler.join();
        figures.add(result, lag, drain(workload));
        Benchmark.say("%s: %.0f/s, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, failed %d, not sent %d %s; lag p50 %.0f ms"
                        + " p99 %.0f ms", figures.name(), result.throughput(), result.millis(50), result.millis(99),
                result.millis(99.9), result.failed(), result.notSent(), result.statuses(), lag.lagMicros().getValueAtPercentile(50) / 1000.0,
                lag.lagMicros().getValueAtPercentile(99) / 1000.0);
    }
}
