package commonplace.command.privacy;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Checks the key-encryption key before any bean is made: without one (or with a malformed one, or with the published
 * development key outside the launcher) the service stops before it opens a database connection or seals anything,
 * with one line that never repeats the value.
 */
final class KeyEncryptionKeyCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        PrivacySettings settings = Binder.get(environment).bindOrCreate("commonplace.privacy", PrivacySettings.class);
        KeyEncryptionKeys.from(settings, environment.getProperty("server.address"));
    }
}
