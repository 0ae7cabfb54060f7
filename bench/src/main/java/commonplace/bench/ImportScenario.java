package commonplace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.EventJson;
import commonplace.local.infra.PostgresServer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The import of a Disqus export of {@code BENCH_IMPORT_COMMENTS} comments (100,000 by default; 100 per thread,
 * nested, 2,000 authors, a third of them guests, bodies with links and entities): comments/s into the event store
 * (from the 202 to the report's completed, over the comments recorded) and the time from completed until the query
 * service has projected every stored event (its event log as long as the event store).
 */
final class ImportScenario {

    private static final int PER_THREAD = 100;

    private final Settings settings;
    private final Api api;
    private final Report report;
    private final PostgresServer postgres;
    private final Path work;
    private final CpuMeter cpu;
    private final StatementStats statements;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ImportScenario(Settings settings, Api api, Report report, PostgresServer postgres, Path work, CpuMeter cpu,
                   StatementStats statements) {
        this.settings = settings;
        this.api = api;
        this.report = report;
        this.postgres = postgres;
        this.work = work;
        this.cpu = cpu;
        this.statements = statements;
    }

    void run() throws Exception {
        int comments = settings.importComments();
        Figures rate = new Figures("comments/s");
        Figures caughtUp = new Figures("s");
        Figures staging = new Figures("s");
        String admin = api.token("bench-admin", "Bench Admin", "admin");
        WarmUp warmUp = warmUp(admin);
        for (int run = 0; run < settings.runs(); run++) {
            boolean last = run == settings.runs() - 1;
            statements.reset();
            Imported imported = importOnce("run" + run, comments, admin);
            recordCpu(imported.cpuUsed(), imported.recordingSeconds(), imported.recorded());
            long completed = System.nanoTime();
            awaitProjected();
            double projectedAfter = (System.nanoTime() - completed) / 1e9;
            StatementStats.Summary spent = statements.read(12);
            sayStatements(spent, imported.recorded());
            if (last) {
                report.importStatements(spent, imported.recorded());
            }
            staging.add(imported.stagingSeconds());
            rate.add(imported.recorded() / imported.recordingSeconds());
            caughtUp.add(projectedAfter);
            Benchmark.say("import of %,d comments: upload and staging %.1f s, %,.0f comments/s recorded, read models"
                            + " caught up %.1f s after", imported.recorded(), imported.stagingSeconds(),
                    imported.recorded() / imported.recordingSeconds(), projectedAfter);
        }
        report.importFigures(comments, warmUp.imports(), warmUp.comments(), warmUp.seconds(), warmUp.lastRate(), staging,
                rate, caughtUp);
    }

    /** Every run's biggest statements in the log, so that a run far off the others shows where its time went. */
    private static void sayStatements(StatementStats.Summary spent, long comments) {
        Benchmark.say("import statements: %.3f ms per comment in all", spent.totalMillis() / Math.max(1, comments));
        spent.top().stream().limit(5).forEach(row -> {
            String query = row.query().replaceAll("\\s+", " ");
            Benchmark.say("  %5.1f %%  %,d calls, %.3f ms mean: %s",
                    100 * row.totalMillis() / Math.max(1e-9, spent.totalMillis()), row.calls(),
                    row.totalMillis() / Math.max(1, row.calls()), query.substring(0, Math.min(110, query.length())));
        });
    }

    /** The unmeasured imports before the measured ones: how many, of how many comments, how long, the last one's rate. */
    private record WarmUp(int imports, long comments, double seconds, double lastRate) {
    }

    /**
     * Imports of {@code BENCH_IMPORT_WARMUP_COMMENTS} each, one after the other until the services' warm-up time has
     * passed (at least one): the first imports in fresh services run mostly in the interpreter and the JIT compilers,
     * and the write runs get the same time to warm up.
     */
    private WarmUp warmUp(String admin) throws Exception {
        if (settings.importWarmUpComments() <= 0) {
            return new WarmUp(0, 0, 0, 0);
        }
        long started = System.nanoTime();
        long deadline = started + settings.serviceWarmUp().toNanos();
        int imports = 0;
        long comments = 0;
        double lastRate;
        do {
            Imported warmUp = importOnce("warmup" + imports, settings.importWarmUpComments(), admin);
            awaitProjected();
            imports++;
            comments += warmUp.recorded();
            lastRate = warmUp.recorded() / warmUp.recordingSeconds();
            Benchmark.say("warm-up import %d of %,d comments: %,.0f comments/s (not measured)", imports,
                    warmUp.recorded(), lastRate);
        } while (System.nanoTime() < deadline);
        return new WarmUp(imports, comments, (System.nanoTime() - started) / 1e9, lastRate);
    }

    /** One import, of a site and pages of its own. */
    private record Imported(int recorded, double stagingSeconds, double recordingSeconds, Map<String, Double> cpuUsed) {
    }

    private Imported importOnce(String site, int comments, String admin) throws Exception {
        Path export = work.resolve("import-" + site + ".xml");
        write(export, comments, site.hashCode(), site);
        long started = System.nanoTime();
        HttpRequest post = HttpRequest.newBuilder(URI.create(api.commandUrl + "/admin/imports?format=disqus&site="
                        + site)).timeout(Duration.ofMinutes(30)).header("Content-Type", "application/xml")
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.ofFile(export)).build();
        HttpResponse<String> accepted = http.send(post, HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("import answered " + accepted.statusCode() + ": " + accepted.body());
        }
        long staged = System.nanoTime();
        Map<String, Double> cpuBefore = cpu.seconds();
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode counts = awaitCompleted(location, admin).get("counts");
        long completed = System.nanoTime();
        Map<String, Double> cpuUsed = CpuMeter.difference(cpuBefore, cpu.seconds());
        Files.deleteIfExists(export);
        int recorded = counts.get("comments").asInt() + counts.get("replies").asInt() + counts.get("retracted").asInt();
        return new Imported(recorded, (staged - started) / 1e9, (completed - staged) / 1e9, cpuUsed);
    }

    /**
     * The CPU time every part used per comment while the import recorded (the query service projecting alongside):
     * on a machine shared with other work, what the parts cost says more than how fast they went.
     */
    private void recordCpu(Map<String, Double> used, double wallSeconds, int comments) {
        double total = used.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> perComment = new LinkedHashMap<>();
        used.forEach((part, seconds) -> perComment.put(part, 1000 * seconds / Math.max(1, comments)));
        perComment.put("all parts", 1000 * total / Math.max(1, comments));
        report.cpu("import (per comment recorded)", perComment, total / wallSeconds);
        Benchmark.say("import: CPU per comment %s ms; %.2f cores busy", perComment.entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.3f", e.getValue())).toList(),
                total / wallSeconds);
    }

    private JsonNode awaitCompleted(String location, String admin) throws Exception {
        String base = api.commandUrl.substring(0, api.commandUrl.length() - "/api/v1".length());
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + location))
                    .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode report = EventJson.mapper().readTree(answer.body());
            String state = report.path("state").asText();
            if (state.equals("completed")) {
                return report;
            }
            if (state.equals("failed")) {
                throw new IllegalStateException("the import failed: " + report.path("failure").asText());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the import did not complete in 30 minutes");
    }

    /** Until the query service's event log holds every event of the event store. */
    private void awaitProjected() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("commonplace"), PostgresServer.USER, "");
             Statement statement = db.createStatement()) {
            while (System.nanoTime() < deadline) {
                if (count(statement, "select count(*) from query.event_log")
                        >= count(statement, "select count(*) from command.domainevententry")) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the read models did not catch up in 30 minutes");
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * A Disqus export: threads first, then their posts, each thread's posts nested up to five deep; its pages are
     * named after the site, so that every import fills topics of its own.
     */
    static void write(Path file, int comments, long seed, String site) throws IOException {
        Random random = new Random(seed);
        int threads = Math.max(1, comments / PER_THREAD);
        Instant start = Instant.parse("2015-01-01T00:00:00Z");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<disqus xmlns=\"http://disqus.com\""
                    + " xmlns:dsq=\"http://disqus.com/disqus-internals\">\n");
            for (int t = 0; t < threads; t++) {
                out.write("<thread dsq:id=\"t" + t + "\"><id>" + site + "-episode-" + t + "</id><forum>bench</forum>"
                        + "<link>https://bench.example.no/" + site + "/episoder/" + t + "/</link><title>Episode " + t
                        + ": Blåbær &amp; breer</title><createdAt>" + start.plusSeconds(t * 3600L)
                        + "</createdAt><isClosed>false</isClosed><isDeleted>false</isDeleted></thread>\n");
            }
            for (int c = 0; c < comments; c++) {
                int thread = c / PER_THREAD;
                int inThread = c % PER_THREAD;
                String parent = inThread == 0 || random.nextInt(3) == 0 ? null
                        : "p" + (c - 1 - random.nextInt(Math.min(inThread, 5)));
                int author = random.nextInt(2000);
                boolean guest = author % 3 == 0;
                out.write("<post dsq:id=\"p" + c + "\"><message><![CDATA[<p>Kommentar " + c + " om turen – “"
                        + (c % 7 == 0 ? "se <a href=\"https://ut.no/tur/" + c + "\">ut.no</a>" : "flott")
                        + "” &amp; mer.</p><p>Andre avsnitt, æøå 👍</p>]]></message><createdAt>"
                        + start.plusSeconds(thread * 3600L + inThread * 30L + 60) + "</createdAt>"
                        + "<isDeleted>" + (c % 97 == 0) + "</isDeleted><isSpam>false</isSpam><author>"
                        + (guest ? "<email>gjest" + author + "@example.no</email><name>Gjest " + author
                        + "</name><isAnonymous>true</isAnonymous>"
                        : "<name>Forfatter " + author + "</name><isAnonymous>false</isAnonymous><username>user_"
                        + author + "</username>")
                        + "</author><thread dsq:id=\"t" + thread + "\"/>"
                        + (parent == null ? "" : "<parent dsq:id=\"" + parent + "\"/>") + "</post>\n");
            }
            out.write("</disqus>\n");
        }
    }
}
