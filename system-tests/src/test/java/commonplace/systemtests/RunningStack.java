package commonplace.systemtests;

import commonplace.local.infra.FreePorts;
import commonplace.testing.IsolatedInfrastructure;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Both services as processes on a database and topic of their own, plus a client that speaks their API. */
final class RunningStack implements AutoCloseable {

    static final String JWT_SECRET = "system-tests-secret-that-is-long-enough-for-hs256";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    final IsolatedInfrastructure infrastructure;
    final ServiceProcess command;
    final ServiceProcess query;
    final ApiClient api;

    private RunningStack(IsolatedInfrastructure infrastructure, ServiceProcess command, ServiceProcess query) {
        this.infrastructure = infrastructure;
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
        environment.put("COMMONPLACE_RATE_LIMIT_PER_MINUTE", "0");
        environment.putAll(extraEnvironment);
        ServiceProcess command = ServiceProcess.of("command-service", environment, FreePorts.find()).start();
        ServiceProcess query = ServiceProcess.of("query-service", environment, FreePorts.find()).start();
        try {
            command.awaitHealthy(START_TIMEOUT);
            query.awaitHealthy(START_TIMEOUT);
        } catch (RuntimeException e) {
            command.kill();
            query.kill();
            throw e;
        }
        return new RunningStack(infrastructure, command, query);
    }

    @Override
    public void close() {
        command.stop();
        query.stop();
    }
}
