package commonplace.testing.settings;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each setting has one spelling on both services, and a spelling that shipped before keeps working: tests a service's
 * test class takes on by implementing this, against the {@code application.yml} on its class path.
 */
public interface SettingsSpellingContract {

    String CONNECTION_TIMEOUT = "spring.datasource.hikari.connection-timeout";

    @Test
    default void theDatabaseConnectionTimeoutIsReadFromItsNameAndFromTheOlderSpelling() throws IOException {
        assertThat(settings(Map.of()).getProperty(CONNECTION_TIMEOUT)).isEqualTo("3000");
        assertThat(settings(Map.of("COMMONPLACE_DB_CONNECTION_TIMEOUT", "2500")).getProperty(CONNECTION_TIMEOUT))
                .isEqualTo("2500");
        assertThat(settings(Map.of("COMMONPLACE_DB_CONNECT_TIMEOUT", "2000")).getProperty(CONNECTION_TIMEOUT))
                .isEqualTo("2000");
        assertThat(settings(Map.of("COMMONPLACE_DB_CONNECTION_TIMEOUT", "2500", "COMMONPLACE_DB_CONNECT_TIMEOUT",
                "2000")).getProperty(CONNECTION_TIMEOUT)).isEqualTo("2500");
    }

    /** The service's application.yml under the given environment variables. */
    static StandardEnvironment settings(Map<String, Object> environment) throws IOException {
        StandardEnvironment settings = new StandardEnvironment();
        settings.getPropertySources().addFirst(new MapPropertySource("environment", environment));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(source -> settings.getPropertySources().addLast(source));
        return settings;
    }
}
