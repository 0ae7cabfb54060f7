package commonplace.local;

import commonplace.local.infra.KafkaBroker;
import commonplace.local.infra.PostgresServer;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code up}: the embedded PostgreSQL and Kafka (unless external ones are configured), then both services as child
 * processes; waits until both say UP, prints how to use them, and runs until Ctrl-C or SIGTERM, when a shutdown hook
 * stops the services, then Kafka, then PostgreSQL. If any part fails, everything already started is stopped too.
 */
final class StackLauncher {

    private static final Duration READY_DEADLINE = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** A Ctrl-C reaches the children too; give the launcher's own signal handling this long to notice first. */
    private static final Duration SIGNAL_RACE = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int LOG_TAIL_LINES = 40;
    private static final String READ_LIMIT_UNLIMITED = "COMMONPLACE_READ_LIMIT_UNLIMITED";

    private final StackSettings settings;
    private final PrintStream out;
    private final PrintStream err;
    private final RunningParts parts = new RunningParts();

    StackLauncher(StackSettings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    int run() {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            err.println("commonplace: " + problems.get(0));
            return 1;
        }
        String busy = PortCheck.busyPorts(settings.requiredPorts());
        if (busy != null) {
            err.println("commonplace: " + busy);
            return 1;
        }
        routeInfrastructureLogs();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopEverything, "commonplace-stop"));
        try {
            startInfrastructure();
            List<ServiceProcess> services = parts.start("the services", this::startServices,
                    started -> ServiceProcess.stopAll(started, STOP_GRACE));
            awaitReady(services);
            commonplace.local.demo.DemoDiscussion.seedUnlessDisabled(System.getenv(), services.get(0).baseUrl(),
                    services.get(1).baseUrl(), settings.jwtSecret().value(), out);
            out.println(Banner.ready(settings, services));
            ServiceProcess exited = awaitAnyExit(services);
            if (parts.awaitStopping(SIGNAL_RACE)) {
                return 0;
            }
            throw new ServiceFailure(exited, exited.name() + " stopped unexpectedly (exit code "
                    + exited.exitValue() + ")");
        } catch (RunningParts.Stopping stopping) {
            return 0;
        } catch (ServiceFailure failure) {
            err.println("commonplace: " + failure.getMessage() + "; the last " + LOG_TAIL_LINES + " lines of "
                    + failure.service.log() + ":");
            failure.service.logTail(LOG_TAIL_LINES).forEach(err::println);
            return 1;
        } catch (Exception e) {
            err.println("commonplace: could not start: " + describe(e) + " (details in "
                    + settings.logDirectory() + ")");
            return 1;
        }
    }

    private void startInfrastructure() throws Exception {
        if (settings.embeddedPostgres()) {
            int port = settings.postgresPort();
            out.println("commonplace: starting PostgreSQL on 127.0.0.1:" + port);
            PostgresServer postgres = parts.start("PostgreSQL",
                    () -> PostgresServer.durable(settings.dataDirectory().resolve("postgres"), port).start(),
                    PostgresServer::stop);
            postgres.createDatabaseIfMissing(StackSettings.DATABASE);
        }
        if (settings.embeddedKafka()) {
            int port = settings.kafkaPort();
            out.println("commonplace: starting Kafka (KRaft) on 127.0.0.1:" + port);
            parts.start("Kafka",
                    () -> KafkaBroker.at(settings.dataDirectory().resolve("kafka"), "127.0.0.1", port).start(),
                    KafkaBroker::stop);
        }
    }

    private List<ServiceProcess> startServices() throws IOException {
        Map<String, String> environment = settings.serviceEnvironment();
        out.println("commonplace: starting the command service and the query service (logs in "
                + settings.logDirectory() + ")");
        ServiceProcess command = ServiceProcess.start("command-service", settings.commandJar(),
                settings.commandPort(), environment, settings.logDirectory());
        try {
            ServiceProcess query = ServiceProcess.start("query-service", settings.queryJar(),
                    settings.queryPort(), queryEnvironment(environment), settings.logDirectory());
            return List.of(command, query);
        } catch (IOException | RuntimeException e) {
            ServiceProcess.stopAll(List.of(command), STOP_GRACE);
            throw e;
        }
    }

    /**
     * The query service limits anonymous reads per client address; on this machine every reader (a page with live
     * updates, the test suites, the benchmark) is loopback, so loopback is never limited unless the environment says
     * otherwise.
     */
    private static Map<String, String> queryEnvironment(Map<String, String> shared) {
        Map<String, String> query = new HashMap<>(shared);
        query.put(READ_LIMIT_UNLIMITED, System.getenv().getOrDefault(READ_LIMIT_UNLIMITED, "127.0.0.0/8,::1"));
        return query;
    }

    private void awaitReady(List<ServiceProcess> services) throws InterruptedException {
        long deadline = System.nanoTime() + READY_DEADLINE.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (Iterator<ServiceProcess> it = waiting.iterator(); it.hasNext(); ) {
                ServiceProcess service = it.next();
                if (!service.isAlive()) {
                    if (parts.awaitStopping(SIGNAL_RACE)) {
                        throw new RunningParts.Stopping();
                    }
                    throw new ServiceFailure(service, service.name() + " exited (code " + service.exitValue()
                            + ") before it was ready");
                }
                if (service.isHealthy()) {
                    out.println("commonplace: " + service.name() + " is UP at " + service.baseUrl());
                    it.remove();
                }
            }
            if (parts.isStopping()) {
                throw new RunningParts.Stopping();
            }
            if (!waiting.isEmpty() && System.nanoTime() > deadline) {
                throw new ServiceFailure(waiting.get(0), waiting.get(0).name() + " was not UP within "
                        + READY_DEADLINE.toSeconds() + " s");
            }
            if (!waiting.isEmpty()) {
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    private static ServiceProcess awaitAnyExit(List<ServiceProcess> services) {
        CompletableFuture.anyOf(services.stream().map(ServiceProcess::onExit).toArray(CompletableFuture[]::new))
                .join();
        return services.stream().filter(service -> !service.isAlive()).findFirst().orElseThrow();
    }

    /** The shutdown hook: runs on Ctrl-C, SIGTERM and every exit of the launcher after the checks passed. */
    private void stopEverything() {
        parts.stopAll(line -> out.println("commonplace: " + line));
        out.println("commonplace: stopped");
    }

    /** The embedded broker and database log through SLF4J: into files, never over the banner. */
    private void routeInfrastructureLogs() {
        System.setProperty("commonplace.local.logs", settings.logDirectory().toString());
        System.setProperty("logback.configurationFile", "commonplace-local-logback.xml");
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    private static final class ServiceFailure extends RuntimeException {
        private final transient ServiceProcess service;

        ServiceFailure(ServiceProcess service, String message) {
            super(message, null, false, false);
            this.service = service;
        }
    }
}
