package commonplace.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects the figures and writes them as Markdown: the machine, the settings, each figure against its target. */
final class Report {

    /** Figures of one write scenario over its runs. */
    static final class Write {
        private final String name;
        final Figures throughput = new Figures("comments/s");
        final Figures p50 = new Figures("ms");
        final Figures p99 = new Figures("ms");
        final Figures p999 = new Figures("ms");
        final Figures lagP50 = new Figures("ms");
        final Figures lagP99 = new Figures("ms");
        final Figures drained = new Figures("s");
        long failed;
        long notSent;

        Write(String name) {
            this.name = name;
        }

        String name() {
            return name;
        }

        void add(LoadGenerator.Result result, LagSampler lag, double drainSeconds) {
            drained.add(drainSeconds);
            throughput.add(result.throughput());
            p50.add(result.millis(50));
            p99.add(result.millis(99));
            p999.add(result.millis(99.9));
            lagP50.add(lag.lagMicros().getValueAtPercentile(50) / 1000.0);
            lagP99.add(lag.lagMicros().getValueAtPercentile(99) / 1000.0);
            failed += result.failed();
            notSent += result.notSent();
        }
    }

    /** Figures of one read scenario over its runs. */
    static final class Read {
        private final String name;
        final Figures throughput = new Figures("reads/s");
        final Figures p50 = new Figures("ms");
        final Figures p99 = new Figures("ms");
        long failed;

        Read(String name) {
            this.name = name;
        }

        void add(LoadGenerator.Result result) {
            throughput.add(result.throughput());
            p50.add(result.millis(50));
            p99.add(result.millis(99));
            failed += result.failed();
        }
    }

    private final Settings settings;
    private final List<Write> writes = new ArrayList<>();
    private final List<Read> reads = new ArrayList<>();
    private Figures startup;
    private double infraSeconds;
    private Figures commonplaceMax;
    private Figures rawMax;
    private Figures ratio;
    /** CPU milliseconds per command by part of the stack, per write scenario (insertion ordered). */
    private final Map<String, Map<String, Figures>> cpuPerCommand = new LinkedHashMap<>();
    private long replayEvents;
    private Figures replay;
    private Figures rebuild;

    Report(Settings settings) {
        this.settings = settings;
    }

    Write write(String name) {
        Write write = new Write(name);
        writes.add(write);
        return write;
    }

    Read read(String name) {
        Read read = new Read(name);
        reads.add(read);
        return read;
    }

    /** One run's CPU use: milliseconds per completed command for each part, and the cores kept busy in all. */
    void cpu(String scenario, Map<String, Double> millisPerCommand, double coresBusy) {
        Map<String, Figures> figures = cpuPerCommand.computeIfAbsent(scenario,
                s -> new LinkedHashMap<>());
        millisPerCommand.forEach((part, millis) -> figures.computeIfAbsent(part, p -> new Figures("ms")).add(millis));
        figures.computeIfAbsent("cores busy (of " + Runtime.getRuntime().availableProcessors() + ")",
                p -> new Figures("")).add(coresBusy);
    }

    void startup(Figures startup, double infraSeconds) {
        this.startup = startup;
        this.infraSeconds = infraSeconds;
    }

    void baseline(Figures commonplaceMax, Figures rawMax, Figures ratio) {
        this.commonplaceMax = commonplaceMax;
        this.rawMax = rawMax;
        this.ratio = ratio;
    }

    void replay(long events, Figures replay, Figures rebuild) {
        this.replayEvents = events;
        this.replay = replay;
        this.rebuild = rebuild;
    }

    /** The widget's first render of a thread of {@code comments} in Chromium, and its assets' gzipped size. */
    void widget(int comments, Figures firstRender, long gzippedBytes) {
        this.widgetComments = comments;
        this.widgetFirstRender = firstRender;
        this.widgetBytes = gzippedBytes;
    }

    /** The import of a generated Disqus export of {@code comments} comments. */
    void importFigures(int comments, Figures staging, Figures rate, Figures caughtUp) {
        this.importComments = comments;
        this.importStaging = staging;
        this.importRate = rate;
        this.importCaughtUp = caughtUp;
    }

    private int importComments;
    private Figures importStaging;
    private Figures importRate;
    private Figures importCaughtUp;
    private int widgetComments;
    private Figures widgetFirstRender;
    private long widgetBytes;

    Path write() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# commonplace benchmark report\n\n");
        md.append("Generated ").append(Instant.now()).append(" by `./bench/run`. Each figure: median of the runs, then the "
                + "spread (min .. max) and the number of runs. Latencies are measured from each request's intended start "
                + "at a fixed rate (HdrHistogram; coordinated omission corrected); closed-loop figures say so.\n\n");
        md.append("## Machine\n");
        Machine.describe().forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\n## Settings\n");
        md.append(String.format(Locale.ROOT, "- %d runs per figure; %d concurrent writers; fixed rates %.0f and %.0f "
                        + "commands/s; %d topics; %d s warm-up + %d s measured per write run; %d s per read run%n",
                settings.runs(), settings.clients(), settings.rate(), settings.steadyRate(), settings.topics(),
                settings.warmUp().toSeconds(),
                settings.measured().toSeconds(), settings.readMeasured().toSeconds()));
        md.append("- everything on loopback: PostgreSQL (embedded 14, fsync on, synchronous_commit on), a KRaft Kafka "
                + "broker in the benchmark's JVM, both services from their jars with default settings\n");
        md.append("- bodies 50 B to 4 KB, Norwegian and English with curly quotes and emoji, a third with links; a third "
                + "of the posts reply to a recent comment\n\n");

        md.append("## 1. Write throughput and latency (`POST` comments and replies)\n");
        md.append("| scenario | completed | p50 | p99 | p99.9 | failed / not sent in time |\n|---|---|---|---|---|---|\n");
        for (Write w : writes) {
            md.append("| ").append(w.name).append(" | ").append(w.throughput.describe()).append(" | ")
                    .append(w.p50.describe()).append(" | ").append(w.p99.describe()).append(" | ")
                    .append(w.p999.describe()).append(" | ").append(w.failed).append(" / ").append(w.notSent)
                    .append(" |\n");
        }
        md.append("\nTarget: sustained >= 1,000 comments/s with p99 <= 50 ms. A fixed-rate run stops sending "
                + LoadGenerator.overrunAllowed(settings.measured()).toSeconds() + " s after its last intended start; "
                + "what it could not send by then is counted as not sent and charged the time it had waited.\n\n");

        md.append("## 2. Against raw PostgreSQL (closed loop, same clients, same number of transactions)\n");
        if (commonplaceMax != null) {
            md.append("- commonplace: ").append(commonplaceMax.describe()).append('\n');
            md.append("- raw single-row JDBC transactions into an event-store-shaped table: ").append(rawMax.describe()).append('\n');
            md.append("- ratio commonplace ÷ raw: ").append(ratio.describe()).append(" (target >= 50 %)\n\n");
        }

        if (!cpuPerCommand.isEmpty()) {
            md.append("### Where a command's CPU goes (CPU time per completed command, over the whole run)\n");
            md.append("| scenario | part | CPU per command |\n|---|---|---|\n");
            cpuPerCommand.forEach((scenario, parts) -> parts.forEach((part, figures) -> md.append("| ")
                    .append(scenario).append(" | ").append(part).append(" | ").append(figures.describe())
                    .append(" |\n")));
            int cores = Runtime.getRuntime().availableProcessors();
            cpuPerCommand.forEach((scenario, parts) -> {
                Figures all = parts.get("all parts");
                if (all != null && all.median() > 0) {
                    md.append(String.format(Locale.ROOT, "- %s: %.2f ms of CPU per command in all, so %d cores can "
                            + "complete at most about %,.0f commands/s%n", scenario, all.median(), cores,
                            cores * 1000 / all.median()));
                }
            });
            md.append('\n');
        }

        md.append("## 3. Projection lag while the write load runs (201 to visible in the query service)\n");
        md.append("| scenario | p50 | p99 | backlog left when the writes stopped, drained in |\n|---|---|---|---|\n");
        for (Write w : writes) {
            md.append("| ").append(w.name).append(" | ").append(w.lagP50.describe()).append(" | ")
                    .append(w.lagP99.describe()).append(" | ").append(w.drained.describe()).append(" |\n");
        }
        md.append("\nTarget: p99 <= 200 ms at the sustained load. Measured as the time from a 201 to the answer of a "
                + "`consistentWith` read of that position (one loopback round trip included), capped at its 5 s wait. "
                + "Each run starts only when the one before has been projected completely.\n\n");

        md.append("## 4. Replay of ").append(String.format(Locale.ROOT, "%,d", replayEvents)).append(" events\n");
        if (replay != null) {
            md.append("- a fresh query service projecting the whole topic from offset 0 into every read model "
                    + "(start-up included): ").append(replay.describe()).append('\n');
            md.append("- the rebuild endpoint (fresh tables while the old ones serve, then switch): ")
                    .append(rebuild.describe()).append('\n');
            md.append("\nTarget: >= 25,000 events/s.\n\n");
        }

        md.append("## 5. Reads\n| scenario | p50 | p99 | completed | failed |\n|---|---|---|---|---|\n");
        for (Read r : reads) {
            md.append("| ").append(r.name).append(" | ").append(r.p50.describe()).append(" | ").append(r.p99.describe())
                    .append(" | ").append(r.throughput.describe()).append(" | ").append(r.failed).append(" |\n");
        }
        md.append("\nTargets: first page p99 <= 15 ms; any keyset page p99 <= 20 ms. Reads are sent at a fixed rate by "
                + "16 readers and timed from their intended start, like the writes. Thread and timeline pages are served "
                + "from the page cache while their topic does not change; the last row writes to the thread all along."
                + "\n\n");

        if (widgetFirstRender != null) {
            md.append("## 5b. The widget in Chromium\n");
            md.append(String.format(Locale.ROOT, "- first render of a %d-comment thread (navigation start to the "
                    + "thread in the document, fresh profile each run): ", widgetComments))
                    .append(widgetFirstRender.describe()).append('\n');
            md.append(String.format(Locale.ROOT, "- script and styles, gzipped as served: %,d bytes%n", widgetBytes));
            md.append("\nTargets: first render < 1,000 ms; assets < 40 KB gzipped.\n\n");
        }

        if (importRate != null) {
            md.append(String.format(Locale.ROOT, "## 5c. Import of a Disqus export of %,d comments%n", importComments));
            md.append("- upload, reading and staging (until the 202): ").append(importStaging.describe()).append('\n');
            md.append("- recorded into the event store (202 to completed): ").append(importRate.describe()).append('\n');
            md.append("- read models caught up after the import completed: ").append(importCaughtUp.describe())
                    .append('\n');
            md.append("\nTargets: >= 5,000 comments/s into the event store; read models caught up within 30 s.\n\n");
        }

        md.append("## 6. Start-up\n");
        if (startup != null) {
            md.append(String.format(Locale.ROOT, "- PostgreSQL + Kafka: %.1f s%n", infraSeconds));
            md.append("- both services from process start to healthy: ").append(startup.describe()).append('\n');
        }
        Path notes = Path.of(System.getProperty("commonplace.home", ".")).resolve("bench/limits.md");
        if (Files.isReadable(notes)) {
            md.append('\n').append(Files.readString(notes));
        }
        Path file = settings.report();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, md.toString());
        return file;
    }
}
