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
        final Figures offered = new Figures("commands/s");
        final Figures p50 = new Figures("ms");
        final Figures p99 = new Figures("ms");
        final Figures p999 = new Figures("ms");
        final Figures acceptedP99 = new Figures("ms");
        final Figures shedP99 = new Figures("ms");
        final Figures shedServiceP99 = new Figures("ms");
        final Figures shedShare = new Figures("%");
        final Figures lagP50 = new Figures("ms");
        final Figures lagP99 = new Figures("ms");
        final Figures drained = new Figures("s");
        /** Failures other than load shedding's 503. */
        long failed;
        long shed;
        long notSent;
        String shedAnswer;

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
            acceptedP99.add(result.acceptedMillis(99));
            long answered = result.succeeded() + result.failed();
            if (result.shed() > 0) {
                shedP99.add(result.shedMillis(99));
                shedServiceP99.add(result.shedServiceMillis(99));
            }
            shedShare.add(100.0 * result.shed() / Math.max(1, answered));
            lagP50.add(lag.lagMicros().getValueAtPercentile(50) / 1000.0);
            lagP99.add(lag.lagMicros().getValueAtPercentile(99) / 1000.0);
            failed += result.failed() - result.shed();
            shed += result.shed();
            notSent += result.notSent();
        }

        void shedAnswer(String answer) {
            if (answer != null && shedAnswer == null) {
                shedAnswer = answer;
            }
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
    private Write overload;
    private StatementStats.Summary statements;
    private long statementCommands;
    private final Map<String, Profiles.Summary> profiles = new LinkedHashMap<>();
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

    /** The overload scenario, which the targets quote with their own figures. */
    void overload(Write overload) {
        this.overload = overload;
    }

    /** PostgreSQL's statement statistics of one closed-loop run of {@code commands} commands. */
    void statements(StatementStats.Summary statements, long commands) {
        this.statements = statements;
        this.statementCommands = commands;
    }

    /** PostgreSQL's statement statistics of the last measured import, of {@code comments} comments. */
    void importStatements(StatementStats.Summary statements, long comments) {
        this.importStatements = statements;
        this.importStatementComments = comments;
    }

    void profile(String part, Profiles.Summary summary) {
        profiles.put(part, summary);
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

    /** The replaying query service's CPU per event (its whole process, start-up included). */
    void replayCpu(Figures cpuPerEvent) {
        this.replayCpu = cpuPerEvent;
    }

    /** A fresh projection of the services' own feed: events the command service sealed, opened with their keys. */
    void feedReplay(long events, Figures projection, Figures cpuPerEvent) {
        this.feedReplayEvents = events;
        this.feedReplay = projection;
        this.feedReplayCpu = cpuPerEvent;
    }

    private Figures replayCpu;
    private long feedReplayEvents;
    private Figures feedReplay;
    private Figures feedReplayCpu;

    /** The widget's first render of a thread of {@code comments} in Chromium, and its assets' gzipped size. */
    void widget(int comments, Figures firstRender, long gzippedBytes) {
        this.widgetComments = comments;
        this.widgetFirstRender = firstRender;
        this.widgetBytes = gzippedBytes;
    }

    /** The import of a generated Disqus export of {@code comments} comments. */
    void importFigures(int comments, int warmUpImports, long warmUpComments, double warmUpSeconds,
                       double warmUpLastRate, Figures staging, Figures rate, Figures caughtUp) {
        this.importComments = comments;
        this.importWarmUpImports = warmUpImports;
        this.importWarmUpComments = warmUpComments;
        this.importWarmUpSeconds = warmUpSeconds;
        this.importWarmUpRate = warmUpLastRate;
        this.importStaging = staging;
        this.importRate = rate;
        this.importCaughtUp = caughtUp;
    }

    private int importComments;
    private int importWarmUpImports;
    private long importWarmUpComments;
    private double importWarmUpSeconds;
    private double importWarmUpRate;
    private StatementStats.Summary importStatements;
    private long importStatementComments;
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
        md.append(String.format(Locale.ROOT, "- %d runs per figure; %d writers in the closed loops, %d connections at "
                        + "fixed rates; %.0f commands/s fixed rate; overload at %.1f × the closed loop's rate; %d topics; "
                        + "%d s of writes to warm the services up, then %d s warm-up + %d s measured per write run; %d s per "
                        + "read run%n",
                settings.runs(), settings.clients(), settings.openClients(), settings.rate(),
                settings.overloadFactor(), settings.topics(), settings.serviceWarmUp().toSeconds(),
                settings.warmUp().toSeconds(), settings.measured().toSeconds(), settings.readMeasured().toSeconds()));
        md.append("- everything on loopback: PostgreSQL (embedded 14, fsync on, synchronous_commit on, "
                + "pg_stat_statements loaded), a KRaft Kafka broker in a JVM of its own, both services from their jars "
                + "with default settings; the load generator is a keep-alive HTTP/1.1 client of its own (one "
                + "connection per writer, requests assembled into a reused buffer)\n");
        md.append("- bodies 50 B to 4 KB, Norwegian and English with curly quotes and emoji, a third with links; a third "
                + "of the posts reply to a recent comment\n");
        md.append("- whatever else ran on the machine's cores during the run is in these figures (see the load average "
                + "above)\n\n");

        targets(md);

        md.append("## 1. Write throughput and latency (`POST` comments and replies)\n");
        md.append("| scenario | completed | p50 | p99 | p99.9 | p99 of the accepted | shed (503) | failed / not sent |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Write w : writes) {
            md.append("| ").append(w.name).append(" | ").append(w.throughput.describe()).append(" | ")
                    .append(w.p50.describe()).append(" | ").append(w.p99.describe()).append(" | ")
                    .append(w.p999.describe()).append(" | ").append(w.acceptedP99.describe()).append(" | ")
                    .append(w.shed).append(" | ").append(w.failed).append(" / ").append(w.notSent)
                    .append(" |\n");
        }
        md.append("\nFixed-rate latencies are timed from each request's intended start; a fixed-rate run stops sending "
                + LoadGenerator.overrunAllowed(settings.measured()).toSeconds() + " s after its last intended start; "
                + "what it could not send by then is counted as not sent and charged the time it had waited. "
                + "Closed-loop latencies are timed from the send.\n");
        if (overload != null && !overload.offered.describe().equals("not measured")) {
            md.append("\nOverload: offered ").append(overload.offered.describe()).append("; shed ")
                    .append(overload.shedShare.describe()).append(" of the answers, the 503s within ")
                    .append(overload.shedP99.describe()).append(" (p99)")
                    .append(overload.shedAnswer == null ? "" : "; the first was answered `" + overload.shedAnswer + "`")
                    .append(".\n");
        }
        md.append('\n');

        md.append("## 2. Against raw PostgreSQL (closed loop, same clients, same number of transactions)\n");
        if (commonplaceMax != null) {
            md.append("- commonplace: ").append(commonplaceMax.describe()).append('\n');
            md.append("- raw single-row JDBC transactions into an event-store-shaped table, right after it in the same "
                    + "run: ").append(rawMax.describe()).append('\n');
            md.append("- ratio commonplace ÷ raw: ").append(ratio.describe()).append(" (long-term goal 50 %)\n\n");
        }

        if (!cpuPerCommand.isEmpty()) {
            md.append("### Where a command's CPU goes (CPU time per completed command, the run and its drain)\n");
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
        statementsSection(md, "PostgreSQL statements over an extra closed-loop run after the measured ones", "command",
                statements, statementCommands);
        profileSection(md);

        md.append("## 3. Projection lag while the write load runs (201 to visible in the query service)\n");
        md.append("| scenario | p50 | p99 | backlog left when the writes stopped, drained in |\n|---|---|---|---|\n");
        for (Write w : writes) {
            md.append("| ").append(w.name).append(" | ").append(w.lagP50.describe()).append(" | ")
                    .append(w.lagP99.describe()).append(" | ").append(w.drained.describe()).append(" |\n");
        }
        md.append("\nMeasured as the time from a 201 to the answer of a "
                + "`consistentWith` read of that position (one loopback round trip included), capped at its 5 s wait. "
                + "Each run starts only when the one before has been projected completely.\n\n");

        md.append("## 4. Replay of ").append(String.format(Locale.ROOT, "%,d", replayEvents)).append(" events\n");
        if (replay != null) {
            md.append("- a fresh query service projecting the whole topic from offset 0 into every read model "
                    + "(start-up included): ").append(replay.describe()).append('\n');
            md.append("- the rebuild endpoint (fresh tables while the old ones serve, then switch): ")
                    .append(rebuild.describe()).append('\n');
            if (replayCpu != null) {
                md.append("- the replaying service's CPU per event (its whole process, start-up included): ")
                        .append(replayCpu.describe()).append('\n');
            }
            if (feedReplay != null) {
                md.append(String.format(Locale.ROOT, "- a fresh query service projecting the services' own feed "
                        + "(%,d events the command service stored in this run, sealed, each opened with its author's "
                        + "key): ", feedReplayEvents)).append(feedReplay.describe()).append("; CPU per event ")
                        .append(feedReplayCpu.describe()).append('\n');
            }
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
            md.append(String.format(Locale.ROOT, "Each run a site and pages of its own, after unmeasured imports in "
                    + "the same services for as long as the write runs warm up (the JIT compilers take a good share of "
                    + "the cores until then): %d of them, %,d comments in %.0f s, the last at %,.0f comments/s.%n%n",
                    importWarmUpImports, importWarmUpComments, importWarmUpSeconds, importWarmUpRate));
            md.append("- upload, reading and staging (until the 202): ").append(importStaging.describe()).append('\n');
            md.append("- recorded into the event store (202 to completed): ").append(importRate.describe()).append('\n');
            md.append("- read models caught up after the import completed: ").append(importCaughtUp.describe())
                    .append('\n');
            md.append("\nTargets: >= 5,000 comments/s into the event store; read models caught up within 30 s.\n\n");
            statementsSection(md, "PostgreSQL statements over the last import, recording and projecting", "comment",
                    importStatements, importStatementComments);
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

    private Write named(String prefix) {
        return writes.stream().filter(w -> w.name.startsWith(prefix)).findFirst().orElse(null);
    }

    private static String verdict(Figures figures, double bound, boolean atMost) {
        if (figures == null || figures.runs() == 0 || Double.isNaN(figures.median())) {
            return "not measured";
        }
        return (atMost ? figures.median() <= bound : figures.median() >= bound) ? "met" : "**missed**";
    }

    /** Every target of the write path against its measured median. */
    private void targets(StringBuilder md) {
        md.append("## Targets\n| target | measured (median, spread, runs) | |\n|---|---|---|\n");
        Write fixed = named("many topics");
        Write closed = named("closed loop, many topics");
        Write hot = named("closed loop, one hot topic");
        Write single = named("one client");
        if (fixed != null) {
            row(md, "fixed rate " + (int) settings.rate() + "/s over " + settings.topics() + " topics: p99 <= 50 ms",
                    fixed.p99.describe(), verdict(fixed.p99, 50, true));
            row(md, "... nothing failed or unsent", fixed.failed + fixed.shed + " failed, " + fixed.notSent
                    + " not sent; completed " + fixed.throughput.describe(),
                    fixed.throughput.runs() == 0 ? "not measured"
                            : fixed.failed + fixed.shed + fixed.notSent == 0 ? "met" : "**missed**");
            row(md, "projection lag p99 <= 200 ms at " + (int) settings.rate() + "/s", fixed.lagP99.describe(),
                    verdict(fixed.lagP99, 200, true));
        }
        if (closed != null) {
            row(md, "closed loop >= 3,000 commands/s", closed.throughput.describe(),
                    verdict(closed.throughput, 3000, false));
        }
        if (hot != null) {
            row(md, "one hot topic >= 1,500 commands/s", hot.throughput.describe(), verdict(hot.throughput, 1500, false));
        }
        if (overload != null) {
            row(md, "overload: accepted p99 <= 100 ms", overload.acceptedP99.describe(),
                    verdict(overload.acceptedP99, 100, true));
            row(md, "overload: the rest 503 problem+json with Retry-After within milliseconds (p99 from the send "
                            + "<= 10 ms)",
                    overload.shedServiceP99.describe() + "; from the intended start " + overload.shedP99.describe()
                            + " (" + overload.shed + " shed"
                            + (overload.shedAnswer == null ? "" : ", `" + overload.shedAnswer + "`") + ")",
                    overload.shed == 0 ? "none shed" : verdict(overload.shedServiceP99, 10, true));
            row(md, "overload: projection lag p99 < 1 s", overload.lagP99.describe(),
                    verdict(overload.lagP99, 1000, true));
            row(md, "overload: backlog gone within seconds of the load dropping (<= 5 s)", overload.drained.describe(),
                    verdict(overload.drained, 5, true));
        }
        if (single != null) {
            row(md, "one client posting in a loop: p50 <= 3 ms", single.p50.describe(), verdict(single.p50, 3, true));
        }
        if (closed != null) {
            Map<String, Figures> parts = cpuPerCommand.get(closed.name);
            if (parts != null && parts.get("all parts") != null) {
                row(md, "all parts' CPU per command <= 0.8 ms (closed loop)", parts.get("all parts").describe(),
                        verdict(parts.get("all parts"), 0.8, true));
            }
        }
        if (ratio != null) {
            row(md, "commonplace ÷ raw PostgreSQL in the same run (long-term goal 50 %)", ratio.describe(),
                    verdict(ratio, 50, false));
        }
        md.append('\n');
    }

    private static void row(StringBuilder md, String target, String measured, String verdict) {
        md.append("| ").append(target).append(" | ").append(measured).append(" | ").append(verdict).append(" |\n");
    }

    private static void statementsSection(StringBuilder md, String title, String unit, StatementStats.Summary statements,
                                          long units) {
        if (statements == null || statements.top().isEmpty()) {
            return;
        }
        md.append("### ").append(title).append(" (`pg_stat_statements`)\n");
        md.append(String.format(Locale.ROOT, "%,d %ss; statement execution %.0f ms in all (%.3f ms per %s, "
                        + "%.1f statements per %s). The biggest:%n%n", units, unit, statements.totalMillis(),
                statements.totalMillis() / Math.max(1, units), unit,
                (double) statements.totalCalls() / Math.max(1, units), unit));
        md.append("| statement | calls per ").append(unit).append(" | mean | share of statement time |\n|---|---|---|---|\n");
        for (StatementStats.Row row : statements.top()) {
            String query = row.query().replaceAll("\\s+", " ").replace("|", "\\|");
            if (query.length() > 140) {
                query = query.substring(0, 137) + "...";
            }
            md.append(String.format(Locale.ROOT, "| `%s` | %.2f | %.3f ms | %.1f %% |%n", query,
                    (double) row.calls() / Math.max(1, units), row.totalMillis() / Math.max(1, row.calls()),
                    100 * row.totalMillis() / Math.max(1e-9, statements.totalMillis())));
        }
        md.append('\n');
    }

    private void profileSection(StringBuilder md) {
        if (profiles.isEmpty()) {
            return;
        }
        md.append("### JFR profile over an extra closed-loop run after the measured ones (execution samples)\n");
        profiles.forEach((part, summary) -> {
            md.append(String.format(Locale.ROOT, "%n**%s** (%,d samples). Share of samples whose stack passes through:%n%n",
                    part, summary.samples()));
            summary.inclusiveShare().forEach((area, share) -> md.append(String.format(Locale.ROOT, "- %s: %.1f %%%n",
                    area, share)));
            md.append("\nTop of the stack (self):\n\n");
            summary.topSelf().forEach(e -> md.append(String.format(Locale.ROOT, "- `%s` %.1f %%%n", e.getKey(),
                    e.getValue())));
        });
        md.append('\n');
    }
}
