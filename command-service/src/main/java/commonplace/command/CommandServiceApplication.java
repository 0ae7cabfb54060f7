package commonplace.command;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The write side of commonplace: REST commands, the Topic aggregate on Axon's JDBC event store, publishing to Kafka. */
@OpenAPIDefinition(info = @Info(title = "commonplace command service", version = "v1", description = "The write "
        + "side of commonplace: open topics, comment, reply, edit, retract, share links, lock and unlock, with a bearer "
        + "token; every change is an event on the feed. Reads are the query service's. Every refusal is "
        + "application/problem+json of the catalogue (x-problem-types). The contract in words: docs/api.md."))
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CommandServiceApplication {

    public static void main(String[] args) {
        try {
            SpringApplication.run(CommandServiceApplication.class, args);
        } catch (RuntimeException e) {
            // Spring Boot has reported why; exit even if a framework thread (Axon's janitor) would keep the JVM up
            System.exit(1);
        }
    }
}
