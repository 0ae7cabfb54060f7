package commonplace.bench;

import commonplace.local.ServiceProcess;
import commonplace.local.infra.FreePorts;
import commonplace.local.infra.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark: starts PostgreSQL (durable, fsync on), a Kafka broker and both services from their jars, measures
 * every figure of the report several times, and writes the report. Run it with {@code ./bench/run}.
 */
public final class Benchmark {

    static final String SECRET = "benchmark-secret-that-is-long-enough-for-hs256";

    /** The benchmark's key-encryption key (base64 of 32 bytes): published, protects nothing. */
    static final String KEY_ENCRYPTION_KEY = "YmVuY2htYXJrLWtleS1lbmNyeXB0aW9uLWtleS0zMmI=";

    private final Settings settings;
    private final Report report;
    private PostgresServer postgres;
    private BrokerProcess kafka;
    private final List<ServiceProcess> services = new ArrayList<>();

    private Benchmark(Settings settings) {
        this.settings = settings;
        this.report = new Report(settings);
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromEnvironment(System.getenv());
        Benchmark benchmark = new Benchmark(settings);
        int exit = 0;
        try {
            benchmark.run();
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            benchmark.stopEverything();
        }
        System.exit(exit);
    }

    private void run() throws Exception {
        Path work = settings.workDirectory().toAbsolutePath();
        Directories.delete(work.resolve("data"));
        Files.createDirectories(work);
        Machine.recordLoadAtStart();
        long infraStart = System.nanoTime();
        postgres = PostgresServer.durable(work.resolve("data/postgres"), FreePorts.find())
                .withServerConfig("shared_preload_libraries", "pg_stat_statements")
                .withServerConfig("pg_stat_statements.track", "all")
                .start();
        postgres.createDatabaseIfMissing("commonplace");
        Path home = Path.of(System.getProperty("commonplace.home", ".")).toAbsolutePath();
        kafka = BrokerProcess.start(home.resolve("bench/target/bench-exec.jar"), work.resolve("data/kafka"),
                work.resolve("logs"));
        double infraSeconds = (System.nanoTime() - infraStart) / 1e9;
        say("infrastructure up in %.1f s", infraSeconds);

        Map<String, String> environment = new HashMap<>();
        environment.put("COMMONPLACE_DB_URL", postgres.jdbcUrl("commonplace"));
        environment.put("COMMONPLACE_DB_USER", PostgresServer.USER);
        environment.put("COMMONPLACE_DB_PASSWORD", "");
        environment.put("COMMONPLACE_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        // the bench measures the machine's capacity: the command service's admission limit stays at its default
        environment.put("COMMONPLACE_JWT_SECRET", SECRET);
        // the command service requires one; fixed, so that a later run still opens the keys of the durable database
        environment.put("COMMONPLACE_KEY_ENCRYPTION_KEY", KEY_ENCRYPTION_KEY);
        environment.put("COMMONPLACE_RATE_LIMIT_PER_MINUTE", "0");
        environment.put("COMMONPLACE_IMPORT_SECRET", "benchmark-import-secret-long-enough-0123456789");
        // every reader here is loopback, as under ./commonplace up: never throttled
        environment.put("COMMONPLACE_READ_LIMIT_UNLIMITED", "127.0.0.0/8,::1");

        int commandPort = FreePorts.find();
        int queryPort = FreePorts.find();
        // the query service opens sealed events with keys from the command service beside it
        environment.put("COMMONPLACE_KEY_SERVICE_URL", "http://127.0.0.1:" + commandPort);
        Figures startup = new Figures("s");
        for (int run = 0; run < settings.runs(); run++) {
            stopServices();
            long started = System.nanoTime();
            startServices(environment, commandPort, queryPort, work);
            startup.add((System.nanoTime() - started) / 1e9);
            say("services ready in %.1f s", (System.nanoTime() - started) / 1e9);
        }
        report.startup(startup, infraSeconds);
        Api api = new Api(services.get(0).baseUrl(), services.get(1).baseUrl(), SECRET);

        CpuMeter cpu = new CpuMeter()
                .addProcess("command service", () -> services.get(0).pid())
                .addProcess("query service", () -> services.get(1).pid())
                .addTree("PostgreSQL", () -> CpuMeter.postmasterPid(work.resolve("data/postgres")))
                .addProcess("Kafka broker", kafka::pid)
                .addProcess("harness (load generator, lag sampler)", () -> ProcessHandle.current().pid());
        if (settings.includes("write") || settings.includes("closed")) {
            StatementStats statements = new StatementStats(postgres.jdbcUrl("commonplace"), PostgresServer.USER);
            new WriteScenarios(settings, api, report, postgres, cpu, statements, new WriteScenarios.Profiled(
                    services.get(0).pid(), services.get(1).pid(), work.resolve("profiles"))).run();
        }
        if (settings.includes("read")) {
            new ReadScenarios(settings, api, report).run();
        }
        if (settings.includes("widget")) {
            new WidgetRenderScenario(settings, api, report).run();
        }
        if (settings.includes("import")) {
            new ImportScenario(settings, api, report, postgres, work, cpu,
                    new StatementStats(postgres.jdbcUrl("commonplace"), PostgresServer.USER)).run();
        }
        if (settings.includes("replay")) {
            new ReplayScenario(settings, report, environment, kafka.bootstrapServers(), postgres, work).run();
        }

        Path written = report.write();
        say("report written to %s", written.toAbsolutePath());
    }

    private void startServices(Map<String, String> environment, int commandPort, int queryPort, Path work)
            throws Exception {
        Path jars = Path.of(System.getProperty("commonplace.home", ".")).toAbsolutePath();
        services.add(ServiceProcess.start("command-service", jars.resolve("command-service/target/command-service.jar"),
                commandPort, environment, work.resolve("logs")));
        services.add(ServiceProcess.start("query-service", jars.resolve("query-service/target/query-service.jar"),
                queryPort, environment, work.resolve("logs")));
        // a machine shared with builds can take minutes to start a JVM: BENCH_START_TIMEOUT_SECONDS (300)
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(
                System.getenv().getOrDefault("BENCH_START_TIMEOUT_SECONDS", "300"))).toNanos();
        for (ServiceProcess service : services) {
            while (!service.isHealthy()) {
                if (!service.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(service.name() + " did not start:\n"
                            + String.join("\n", service.logTail(40)));
                }
                Thread.sleep(100);
            }
        }
    }

    private void stopServices() {
        ServiceProcess.stopAll(services, Duration.ofSeconds(20));
        services.clear();
    }

    private void stopEverything() {
        stopServices();
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    static void say(String format, Object... arguments) {
        System.out.printf("[bench %s] %s%n", Instant.now().toString().substring(11, 19), String.format(format, arguments));
    }
}
