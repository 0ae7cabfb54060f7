package commonplace.query;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The read side of commonplace: projects the Kafka event log into PostgreSQL read models and serves them. */
@OpenAPIDefinition(info = @Info(title = "commonplace query service", version = "v1", description = "The read side of "
        + "commonplace: topics, threads, timelines, author histories, event feeds, Atom feeds, live streams, pages and "
        + "the widget, public and without a token; the admin API with an admin's. Every refusal is "
        + "application/problem+json of the catalogue (x-problem-types). The contract in words: docs/api.md."))
@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
