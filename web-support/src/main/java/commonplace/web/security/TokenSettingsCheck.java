package commonplace.web.security;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Checks the token settings before any bean is made, so that a service that cannot verify tokens safely stops before
 * it opens a database connection or starts a single thread, with one line saying why.
 */
public class TokenSettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        JwtSettings settings = Binder.get(environment).bindOrCreate("commonplace.jwt", JwtSettings.class);
        JwtDecoders.check(settings, environment.getProperty("server.address"));
    }
}
