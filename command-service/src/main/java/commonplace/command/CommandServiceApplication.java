package commonplace.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The write side of commonplace: REST commands, the Topic aggregate on Axon's JDBC event store, publishing to Kafka. */
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
