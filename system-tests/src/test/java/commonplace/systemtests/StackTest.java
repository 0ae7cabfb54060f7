package commonplace.systemtests;

import commonplace.testing.IsolatedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class with both services running as processes on a database and topic of its own. Whatever a fault test
 * stopped (the broker, PostgreSQL) is started again before the services are stopped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StackTest {

    final IsolatedInfrastructure infrastructure = IsolatedInfrastructure.forTestClass(getClass());
    RunningStack stack;
    ApiClient api;

    @BeforeAll
    void startStack() {
        stack = RunningStack.start(infrastructure);
        api = stack.api;
    }

    @AfterAll
    void stopStack() {
        if (!infrastructure.kafka().isRunning()) {
            infrastructure.kafka().start();
        }
        if (!infrastructure.postgres().isRunning()) {
            infrastructure.postgres().start();
        }
        if (stack != null) {
            stack.close();
        }
    }
}
