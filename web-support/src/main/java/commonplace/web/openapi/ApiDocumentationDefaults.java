package commonplace.web.openapi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * springdoc's settings for both services, below anything a service or its environment sets: OpenAPI 3.1 at
 * {@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}, JSON where an endpoint does not say what it answers,
 * no actuator endpoints, and no answers guessed from the exception handlers (each endpoint's problems are the ones
 * {@link ApiDocumentation} finds for it).
 */
public class ApiDocumentationDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.of(
            "springdoc.api-docs.version", "openapi_3_1",
            "springdoc.api-docs.path", "/v3/api-docs",
            "springdoc.swagger-ui.path", "/swagger-ui.html",
            "springdoc.default-produces-media-type", "application/json",
            "springdoc.default-consumes-media-type", "application/json",
            "springdoc.override-with-generic-response", "false",
            "springdoc.show-actuator", "false");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("commonplace-api-documentation", DEFAULTS));
    }
}
