package commonplace.systemtests;

import commonplace.local.infra.FreePorts;
import commonplace.testing.IsolatedInfrastructure;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Both services as processes on a database and topic of their own, plus a client that speaks their API. */
final class RunningStack implements AutoCloseable {

    static final String JWT_SECRET = "system-tests-secret-that-is-long-enough-for-hs256";
    /** The key-encryption key the system tests' command service seals under (base64 of 32 bytes; protects nothing). */
    static final String KEY_ENCRYPTION_KEY = "c3lzdGVtLXRlc3RzLWtleS1lbmNyeXB0aW9uLWtleSE=";
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    final IsolatedInfrastructure infrastructure;
    final Map<String, String> environment;
    final ServiceProcess command;
    final ServiceProcess query;
    final ApiClient api;

    private RunningStack(IsolatedInfrastructure infrastructure, Map<String, String> environment,
                         ServiceProcess command, ServiceProcess query) {
        this.infrastructure = infrastructure;
        this.environment = environment;
        this.command = command;
        this.query = query;
        this.api = new ApiClient(command.baseUrl(), query.baseUrl(), JWT_SECRET);
    }

    static RunningStack start(IsolatedInfrastructure infrastructure) {
        return start(infrastructure, Map.of());
    }

    static RunningStack start(IsolatedInfrastructure infrastructure, Map<String, String> extraEnvironment) {
        Map<String, String> environment = new HashMap<>(infrastructure.environment());
        environment.put("COMMONPLACE_JWT_SECRET", JWT_SECRET);
        environment.put("COMMONPLACE_KEY_ENCRYPTION_KEY", KEY_ENCRYPTION_KEY);
        environment.put("COMMONPLACE_RATE_LIMIT_PER_MINUTE", "0");
        environment.put("COMMONPLACE_IMPORT_SECRET", "system-tests-import-secret-long-enough-0123456789");
        // every reader here is loopback, as under ./commonplace up: never throttled
        environment.put("COMMONPLACE_READ_LIMIT_UNLIMITED", "127.0.0.0/8,::1");
        environment.putAll(extraEnvironment);
        ServiceProcess command = ServiceProcess.of("command-service", environment, FreePorts.find()).start();
        environment.putIfAbsent("COMMONPLACE_COMMAND_PUBLIC_URL", command.baseUrl());
        // the query service opens sealed events with data keys from the command service's key endpoint
        environment.putIfAbsent("COMMONPLACE_KEY_SERVICE_URL", command.baseUrl());
        ServiceProcess query = ServiceProcess.of("query-service", environment, FreePorts.find()).start();
        try {
            command.awaitHealthy(START_TIMEOUT);
            query.awaitHealthy(START_TIMEOUT);
        } catch (RuntimeException e) {
            command.kill();
            query.kill();
            throw e;
        }
        return new RunningStack(infrastructure, environment, command, query);
    }

    /**
     * A second query service that projects the same Kafka topic from the beginning into a fresh database of its own,
     * under its own consumer group: what a fresh rebuild of every read model shows.
     */
    ServiceProcess startFreshQueryService(String label) {
        IsolatedInfrastructure fresh = IsolatedInfrastructure.fresh(label);
        Map<String, String> freshEnvironment = new HashMap<>(environment);
        freshEnvironment.put("COMMONPLACE_DB_URL", fresh.jdbcUrl());
        freshEnvironment.put("COMMONPLACE_QUERY_GROUP", "commonplace-query-" + label);
        return ServiceProcess.of("query-service", freshEnvironment, FreePorts.find()).start().awaitHealthy(START_TIMEOUT);
    }

    /** A client for the same command service but another query service. */
    ApiClient apiReadingFrom(ServiceProcess queryService) {
        return new ApiClient(command.baseUrl(), queryService.baseUrl(), JWT_SECRET);
    }

    @Override
    public void close() {
        command.stop();
        query.stop();
    }
}
