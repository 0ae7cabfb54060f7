package commonplace.testing;

import commonplace.local.infra.KafkaBroker;
import commonplace.local.infra.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real PostgreSQL server and one real Kafka broker for the whole test JVM, started on first use and stopped
 * when the JVM exits. Tests never share state through them: see {@link IsolatedInfrastructure}.
 */
public final class SharedInfrastructure {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;

    private SharedInfrastructure() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.forTests(scratch("postgres")).start();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "test-postgres-stop"));
        }
        return postgres;
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = KafkaBroker.onFreePorts(scratch("kafka")).start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "test-kafka-stop"));
        }
        return kafka;
    }

    private static Path scratch(String name) {
        try {
            return Files.createTempDirectory("commonplace-test-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
