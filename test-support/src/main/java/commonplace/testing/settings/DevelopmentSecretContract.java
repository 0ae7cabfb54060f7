package commonplace.testing.settings;

import commonplace.testing.IsolatedInfrastructure;
import commonplace.web.security.InvalidJwtSettingsException;
import commonplace.web.security.JwtSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real service refuses to start with the published development secret, unless it is started the way
 * {@code ./commonplace up} starts it: told so, and listening on loopback alone. Tests a service's test class takes on
 * by implementing this.
 */
public interface DevelopmentSecretContract {

    /** The service's application class, and the infrastructure it starts against. */
    Class<?> application();

    IsolatedInfrastructure infrastructure();

    /** Settings the service needs besides the infrastructure's (none by default). */
    default Map<String, Object> ownSettings() {
        return Map.of();
    }

    @Test
    default void theServiceRefusesThePublishedDevelopmentSecretOutsideTheLauncher() {
        for (Map<String, String> settings : List.of(
                Map.of("COMMONPLACE_JWT_SECRET", JwtSettings.DEVELOPMENT_SECRET),
                Map.of("COMMONPLACE_JWT_SECRET", JwtSettings.DEVELOPMENT_SECRET, "server.address", "127.0.0.1"),
                Map.of("COMMONPLACE_JWT_SECRET", JwtSettings.DEVELOPMENT_SECRET,
                        "COMMONPLACE_JWT_ALLOW_DEVELOPMENT_SECRET", "true", "server.address", "0.0.0.0"),
                Map.of("COMMONPLACE_JWT_SECRET", JwtSettings.DEVELOPMENT_SECRET,
                        "COMMONPLACE_JWT_ALLOW_DEVELOPMENT_SECRET", "true"))) {
            // refused before any bean is made: no connection opened, no thread started
            assertThatThrownBy(() -> start(settings).close()).as(settings.toString())
                    .isInstanceOf(InvalidJwtSettingsException.class)
                    .hasMessageContaining("published development secret");
        }
    }

    @Test
    default void startedAsTheLauncherStartsItTheServiceTakesIt() {
        try (ConfigurableApplicationContext service = start(Map.of(
                "COMMONPLACE_JWT_SECRET", JwtSettings.DEVELOPMENT_SECRET,
                "COMMONPLACE_JWT_ALLOW_DEVELOPMENT_SECRET", "true", "server.address", "127.0.0.1"))) {
            assertThat(((WebServerApplicationContext) service).getWebServer().getPort()).isPositive();
        }
    }

    private ConfigurableApplicationContext start(Map<String, String> settings) {
        Map<String, Object> properties = new HashMap<>(infrastructure().environment());
        properties.putAll(ownSettings());
        properties.putAll(settings);
        return new SpringApplicationBuilder(application()).properties(properties)
                // a command-line argument: application.yml names a fixed port, which outranks default properties
                .run("--server.port=0");
    }
}
