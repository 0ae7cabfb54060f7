package commonplace.testing;

import commonplace.local.infra.KafkaBroker;
import commonplace.local.infra.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

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
            Path data = scratch("postgres");
            postgres = PostgresServer.forTests(data).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                postgres.close();
                deleteQuietly(data);
            }, "test-postgres-stop"));
        }
        return postgres;
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            Path data = scratch("kafka");
            kafka = KafkaBroker.onFreePorts(data).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.close();
                deleteQuietly(data);
            }, "test-kafka-stop"));
        }
        return kafka;
    }

    /**
     * A test JVM's server data is worth nothing after it: left in the temporary directory, a day of test runs filled a
     * 250 GB disk (about 1.5 GB each).
     */
    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at JVM exit: nothing can be reported any more
        }
    }

    private static Path scratch(String name) {
        try {
            return Files.createTempDirectory("commonplace-test-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
