package commonplace.command.identity;

import commonplace.command.CommandServiceApplication;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.settings.DevelopmentSecretContract;

/** The command service takes the development secret only as {@link DevelopmentSecretContract} says. */
class DevelopmentSecretTest implements DevelopmentSecretContract {

    private static final IsolatedInfrastructure INFRASTRUCTURE =
            IsolatedInfrastructure.forTestClass(DevelopmentSecretTest.class);

    @Override
    public Class<?> application() {
        return CommandServiceApplication.class;
    }

    @Override
    public IsolatedInfrastructure infrastructure() {
        return INFRASTRUCTURE;
    }
}
