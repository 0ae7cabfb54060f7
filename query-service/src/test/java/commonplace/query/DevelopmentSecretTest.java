package commonplace.query;

import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.settings.DevelopmentSecretContract;

import java.util.Map;

/** The query service takes the development secret only as {@link DevelopmentSecretContract} says. */
class DevelopmentSecretTest implements DevelopmentSecretContract {

    private static final IsolatedInfrastructure INFRASTRUCTURE =
            IsolatedInfrastructure.forTestClass(DevelopmentSecretTest.class);

    @Override
    public Class<?> application() {
        return QueryServiceApplication.class;
    }

    @Override
    public IsolatedInfrastructure infrastructure() {
        return INFRASTRUCTURE;
    }

    @Override
    public Map<String, Object> ownSettings() {
        return Map.of("commonplace.kafka.group", "development-secret-test");
    }
}
