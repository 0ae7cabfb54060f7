package commonplace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.EventJson;
import commonplace.local.ServiceProcess;
import commonplace.local.infra.FreePorts;
import commonplace.local.infra.PostgresServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replay: a history of {@code replayEvents} events is written to a topic of its own, then a query service with an
 * empty database projects it from offset 0 into every read model; events/s = events / time until it reports no lag.
 * Where the service offers the rebuild endpoint, a rebuild of the same read models is timed too. When the earlier
 * scenarios left events on the services' own feed (written by the command service: sealed, so every projected event
 * is opened with its author's key), a fresh query service projects that feed too, which prices the opening; both
 * replays also report the replaying service's CPU per event, a figure a busy machine distorts less than events/s.
 */
final class ReplayScenario {

    private static final String REPLAY_TOPIC = "bench.replay.v1";
    /** The command service's feed topic, as the services' defaults name it. */
    private static final String FEED_TOPIC = "commonplace.discussion.v1";

    private final Settings settings;
    private final Report report;
    private final Map<String, String> environment;
    private final String kafkaBootstrap;
    private final PostgresServer postgres;
    private final Path work;

    ReplayScenario(Settings settings, Report report, Map<String, String> environment, String kafkaBootstrap,
                   PostgresServer postgres, Path work) {
        this.settings = settings;
        this.report = report;
        this.environment = environment;
        this.kafkaBootstrap = kafkaBootstrap;
        this.postgres = postgres;
        this.work = work;
    }

    void run() throws Exception {
        long started = System.nanoTime();
        ReplayCorpus.publish(kafkaBootstrap, REPLAY_TOPIC, 6, settings.replayEvents(), 1000);
        Benchmark.say("wrote %,d events to %s in %.1f s", settings.replayEvents(), REPLAY_TOPIC,
                (System.nanoTime() - started) / 1e9);
        Figures projection = new Figures("events/s");
        Figures projectionCpu = new Figures("ms");
        Figures rebuild = new Figures("events/s");
        for (int run = 0; run < settings.replayRuns(); run++) {
            replayOnce("replay_" + run, REPLAY_TOPIC, "bench-replay-" + run, settings.replayEvents(), projection,
                    projectionCpu, rebuild);
        }
        report.replay(settings.replayEvents(), projection, rebuild);
        report.replayCpu(projectionCpu);
        long feedEvents = storedEvents();
        if (feedEvents > 0) {
            Figures feed = new Figures("events/s");
            Figures feedCpu = new Figures("ms");
            for (int run = 0; run < settings.replayRuns(); run++) {
                replayOnce("feed_replay_" + run, FEED_TOPIC, "bench-feed-replay-" + run, feedEvents, feed, feedCpu,
                        null);
            }
            report.feedReplay(feedEvents, feed, feedCpu);
        }
    }

    /** One fresh query service projecting {@code kafkaTopic} from offset 0 into an empty database; then a rebuild. */
    private void replayOnce(String database, String kafkaTopic, String group, long events, Figures projection,
                            Figures cpuPerEvent, Figures rebuild) throws Exception {
        postgres.createDatabaseIfMissing(database);
        Map<String, String> replayEnvironment = new HashMap<>(environment);
        replayEnvironment.put("COMMONPLACE_DB_URL", postgres.jdbcUrl(database));
        replayEnvironment.put("COMMONPLACE_KAFKA_TOPIC", kafkaTopic);
        replayEnvironment.put("COMMONPLACE_QUERY_GROUP", group);
        ServiceProcess query = ServiceProcess.start("query-service-" + group,
                Path.of(System.getProperty("commonplace.home", ".")).toAbsolutePath()
                        .resolve("query-service/target/query-service.jar"),
                FreePorts.find(), replayEnvironment, work.resolve("logs"));
        try {
            Api api = new Api("http://unused", query.baseUrl(), Benchmark.SECRET);
            long t0 = System.nanoTime();
            awaitNoLag(api, query);
            double seconds = (System.nanoTime() - t0) / 1e9;
            // the service's whole CPU since its start: JVM start-up included, so an upper bound per event
            double cpuMillis = ProcessHandle.of(query.pid()).flatMap(p -> p.info().totalCpuDuration())
                    .map(Duration::toNanos).orElse(0L) / 1e6;
            projection.add(events / seconds);
            cpuPerEvent.add(cpuMillis / events);
            Benchmark.say("fresh projection of %,d events of %s: %.1f s, %.0f events/s (service start included), "
                    + "%.3f ms CPU per event", events, kafkaTopic, seconds, events / seconds, cpuMillis / events);
            if (rebuild != null) {
                Double rebuilt = rebuildIfOffered(api);
                if (rebuilt != null) {
                    rebuild.add(rebuilt);
                }
            }
        } finally {
            ServiceProcess.stopAll(List.of(query), Duration.ofSeconds(20));
        }
    }

    /**
     * How many events the command service stored (in its schema, {@code command}), and so published to its feed (Kafka's offsets would count the
     * transaction markers too); 0 without any.
     */
    private long storedEvents() throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("commonplace"), PostgresServer.USER, "");
             Statement statement = connection.createStatement()) {
            ResultSet tables = connection.getMetaData().getTables(null, "command", "domainevententry", null);
            if (!tables.next()) {
                return 0;
            }
            try (ResultSet count = statement.executeQuery("select count(*) from command.domainevententry")) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    private void awaitNoLag(Api api, ServiceProcess query) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!query.isAlive()) {
                throw new IllegalStateException("the replaying query service died:\n" + String.join("\n", query.logTail(40)));
            }
            Api.Answer status = safeRead(api, "/admin/projections");
            if (status != null && status.status() == 200) {
                List<JsonNode> lags = EventJson.mapper().readTree(status.body()).findValues("lagEvents");
                if (!lags.isEmpty() && lags.stream().allMatch(lag -> lag.isNumber() && lag.asLong() == 0)) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the replay did not finish in 30 minutes");
    }

    /** Starts the rebuild endpoint and returns the events/s it reports, or null where the service has none. */
    private Double rebuildIfOffered(Api api) throws Exception {
        Api.Answer started = api.admin("POST", "/admin/projections/rebuild", api.token("bench-admin", "Admin",
                "admin"));
        if (started.status() != 202) {
            Benchmark.say("rebuild endpoint answered %d: not measured", started.status());
            return null;
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            Api.Answer status = safeRead(api, "/admin/projections");
            if (status == null || status.status() != 200) {
                continue;
            }
            JsonNode body = EventJson.mapper().readTree(status.body());
            JsonNode last = body.path("lastRebuild");
            if (!"rebuilding".equals(body.path("state").asText()) && last.has("eventsPerSecond")) {
                Benchmark.say("rebuild: %s", last);
                return last.get("eventsPerSecond").asDouble();
            }
        }
        throw new IllegalStateException("the rebuild did not finish in 30 minutes");
    }

    /** A read of the admin status (an admin's token), or null while the service does not answer. */
    private static Api.Answer safeRead(Api api, String path) {
        try {
            return api.admin("GET", path, api.token("bench-admin", "Admin", "admin"));
        } catch (Exception e) {
            return null;
        }
    }
}
