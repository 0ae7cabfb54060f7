package commonplace.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code import <disqus|wordpress> FILE [--site KEY] [--mapping MAPFILE]}: with a mapping file, stores it first as the
 * mapping of that format and site ({@code PUT /api/v1/admin/import-mappings/{format}}, which checks it); then sends the
 * export to the running stack's command service as an admin ({@code POST /api/v1/admin/imports}), waits for the import to finish and prints its report: the counts, then
 * one line per item that was skipped or changed. Talks to {@code http://127.0.0.1:COMMONPLACE_COMMAND_PORT}, or to
 * {@code COMMONPLACE_COMMAND_URL} when set, with a token signed by the stack's secret.
 */
final class ImportCommand {

    static final String USAGE = "usage: ./commonplace import <disqus|wordpress> FILE [--site KEY] [--mapping MAPFILE]";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(250);

    private ImportCommand() {
    }

    record Arguments(String format, Path file, String site, Path mapping) {
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("commonplace import: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String base = environment.getOrDefault("COMMONPLACE_COMMAND_URL",
                "http://127.0.0.1:" + StackSettings.from(environment).commandPort());
        String token = new DevelopmentToken("local-admin", "Local Admin", List.of("admin"), Duration.ofHours(6))
                .sign(JwtSecret.fromEnvironment(environment), Instant.now());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            String siteQuery = arguments.site() == null ? ""
                    : "site=" + URLEncoder.encode(arguments.site(), StandardCharsets.UTF_8);
            if (arguments.mapping() != null) {
                HttpResponse<String> stored = http.send(HttpRequest.newBuilder(URI.create(base
                                + "/api/v1/admin/import-mappings/" + arguments.format()
                                + (siteQuery.isEmpty() ? "" : "?" + siteQuery)))
                        .header("Content-Type", "text/csv; charset=UTF-8").header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofMinutes(1)).PUT(HttpRequest.BodyPublishers.ofFile(arguments.mapping()))
                        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (stored.statusCode() != 200 && stored.statusCode() != 201) {
                    err.println("commonplace import: the mapping file was refused (" + stored.statusCode() + "): "
                            + detail(stored.body()) + "; nothing was imported");
                    return 1;
                }
                out.println("mapping file " + arguments.mapping().getFileName() + " stored for " + arguments.format()
                        + (arguments.site() == null ? "" : " site " + arguments.site()));
            }
            String query = "?format=" + arguments.format() + (siteQuery.isEmpty() ? "" : "&" + siteQuery);
            HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/imports"
                            + query)).header("Content-Type", "application/xml").header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofHours(1)).POST(HttpRequest.BodyPublishers.ofFile(arguments.file())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (started.statusCode() != 202) {
                err.println("commonplace import: refused (" + started.statusCode() + "): " + detail(started.body()));
                return 1;
            }
            String location = started.headers().firstValue("Location").orElseThrow();
            out.println("import " + JSON.readTree(started.body()).path("importId").asText() + " started; recording");
            JsonNode report;
            do {
                Thread.sleep(POLL.toMillis());
                report = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + location))
                        .header("Authorization", "Bearer " + token).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
            } while (report.path("state").asText().equals("running"));
            print(report, out);
            return report.path("state").asText().equals("completed") ? 0 : 1;
        } catch (IOException e) {
            err.println("commonplace import: cannot reach the command service at " + base + " (is ./commonplace up"
                    + " running?): " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    static Arguments parse(String[] args) {
        String site = null;
        Path mapping = null;
        List<String> positional = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--site")) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("--site needs a key");
                }
                site = args[++i];
            } else if (args[i].equals("--mapping")) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("--mapping needs a file");
                }
                mapping = Path.of(args[++i]);
                if (!Files.isReadable(mapping)) {
                    throw new IllegalArgumentException("cannot read " + mapping);
                }
            } else if (args[i].startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.size() != 2) {
            throw new IllegalArgumentException("give the format and the export file");
        }
        String format = positional.get(0);
        if (!format.equals("disqus") && !format.equals("wordpress")) {
            throw new IllegalArgumentException("the format is disqus or wordpress, not " + format);
        }
        Path file = Path.of(positional.get(1));
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        return new Arguments(format, file, site, mapping);
    }

    /** The report as lines: state, counts, then every skipped or changed item. */
    static void print(JsonNode report, PrintStream out) {
        JsonNode counts = report.path("counts");
        out.printf("import %s: %s%n", report.path("importId").asText(), report.path("state").asText());
        out.printf("  topics %d, comments %d, replies %d, retracted %d, edited %d, skipped %d, already there %d%n",
                counts.path("topics").asInt(), counts.path("comments").asInt(), counts.path("replies").asInt(),
                counts.path("retracted").asInt(), counts.path("edited").asInt(), counts.path("skipped").asInt(),
                counts.path("alreadyThere").asInt());
        if (!report.path("failure").isMissingNode() && !report.path("failure").isNull()) {
            out.println("  " + report.path("failure").asText());
        }
        for (String outcome : List.of("skipped", "changed")) {
            for (JsonNode line : report.path(outcome)) {
                out.printf("  %s %s %s: %s%n", outcome, line.path("kind").asText(),
                        line.path("sourceId").asText("(no id)"), line.path("reason").asText());
            }
        }
    }

    private static String detail(String problem) {
        try {
            JsonNode json = JSON.readTree(problem);
            return json.path("detail").asText(json.path("title").asText(problem));
        } catch (IOException e) {
            return problem;
        }
    }
}
