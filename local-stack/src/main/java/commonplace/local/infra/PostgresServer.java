package commonplace.local.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server started from a jar (no installation), its data directory on disk so that a restart
 * keeps everything. Superuser {@code postgres}, no password, loopback only.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final Path dataDirectory;
    private final int port;
    private final boolean durable;
    private final java.util.Map<String, String> extraConfig = new java.util.LinkedHashMap<>();
    private EmbeddedPostgres postgres;

    private PostgresServer(Path dataDirectory, int port, boolean durable) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.durable = durable;
    }

    /** A durable server for the local stack: data survives restarts and crashes. */
    public static PostgresServer durable(Path dataDirectory, int port) {
        return new PostgresServer(dataDirectory, port, true);
    }

    /** A server for tests: fsync off (a crashed test run may lose data; nothing else does). */
    public static PostgresServer forTests(Path dataDirectory) {
        return new PostgresServer(dataDirectory, FreePorts.find(), false);
    }

    /**
     * A server setting of its own for the next {@link #start()} (the benchmark loads {@code pg_stat_statements} with
     * {@code shared_preload_libraries}).
     */
    public synchronized PostgresServer withServerConfig(String name, String value) {
        extraConfig.put(name, value);
        return this;
    }

    public synchronized PostgresServer start() {
        if (postgres != null) {
            return this;
        }
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // the owner stops it (a JVM hook of zonky's own would race the launcher's ordered shutdown)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("timezone", "UTC");
            if (durable) {
                // zonky starts postgres with -F (fsync off) and synchronous_commit=off: fine for tests, not for data
                // that must survive a power cut
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            } else {
                builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
            }
            extraConfig.forEach(builder::setServerConfig);
            postgres = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
    }

    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
        }
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates {@code database} unless it exists. The name must be a plain identifier. */
    public void createDatabaseIfMissing(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = java.sql.DriverManager.getConnection(jdbcUrl("postgres"), USER, "")) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                // identifiers cannot be bind parameters; the name was checked against a strict pattern above
                create.execute("create database " + database + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
