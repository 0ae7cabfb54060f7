package commonplace.systemtests;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything a database server holds, as text: what an operator's backup of it would contain. Each database of the
 * server is dumped with a {@code pg_dump} of the server's own major version where one is installed (in the embedded
 * distribution the tests run, or under {@code /usr/lib/postgresql/<major>/bin}); without one, with every row of every
 * table of every schema copied out in COPY's text format through JDBC, which holds the same rows as a plain
 * {@code pg_dump} (the embedded distribution ships no {@code pg_dump}; one of another major version is not used, so
 * that what is searched is exactly what the server's own tools would back up). {@code bytea} columns come out as hex
 * in both forms: {@link PlainTextSearch} looks for the hex of each phrase too. Neither sees dead row versions that
 * {@code VACUUM} has not yet removed.
 */
final class DatabaseDump {

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*");

    private DatabaseDump() {
    }

    /** How each database was dumped, and the dump's text, by database name. */
    record Dump(String method, Map<String, String> databases) {
    }

    /** Every database of the server that {@code jdbcUrl} points into (templates aside). */
    static Dump everyDatabaseOf(String jdbcUrl, String user, String password) {
        Matcher url = JDBC_URL.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        String host = url.group(1);
        int port = Integer.parseInt(url.group(2));
        List<String> databases = new ArrayList<>();
        int major;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("show server_version_num")) {
                rows.next();
                major = Integer.parseInt(rows.getString(1)) / 10_000;
            }
            try (ResultSet rows = statement.executeQuery(
                    "select datname from pg_database where not datistemplate order by datname")) {
                while (rows.next()) {
                    databases.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the databases", e);
        }
        Optional<Path> pgDump = pgDumpOfMajorVersion(major);
        Map<String, String> dumps = new LinkedHashMap<>();
        for (String database : databases) {
            String databaseUrl = "jdbc:postgresql://" + host + ":" + port + "/" + database;
            dumps.put(database, pgDump.isPresent()
                    ? runPgDump(pgDump.get(), host, port, database, user, password)
                    : copyEveryTable(databaseUrl, user, password));
        }
        return new Dump(pgDump.map(path -> "pg_dump " + path).orElse("COPY ... TO STDOUT of every table (no pg_dump "
                + major + " installed)"), dumps);
    }

    private static Optional<Path> pgDumpOfMajorVersion(int major) {
        List<Path> candidates = new ArrayList<>();
        Path embedded = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        if (Files.isDirectory(embedded)) {
            try (DirectoryStream<Path> distributions = Files.newDirectoryStream(embedded)) {
                distributions.forEach(distribution -> candidates.add(distribution.resolve("bin").resolve("pg_dump")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        candidates.add(Path.of("/usr/lib/postgresql", String.valueOf(major), "bin", "pg_dump"));
        return candidates.stream().filter(Files::isExecutable)
                .filter(candidate -> version(candidate).matches("(?s).*\\(PostgreSQL\\) " + major + "\\..*"))
                .findFirst();
    }

    private static String version(Path pgDump) {
        return run(List.of(pgDump.toString(), "--version"), Map.of());
    }

    private static String runPgDump(Path pgDump, String host, int port, String database, String user,
                                    String password) {
        return run(List.of(pgDump.toString(), "--no-password", "--host", host, "--port", String.valueOf(port),
                "--username", user, "--dbname", database), Map.of("PGPASSWORD", password == null ? "" : password));
    }

    private static String run(List<String> command, Map<String, String> environment) {
        try {
            Path output = Files.createTempFile("commonplace-dump-", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command.get(0) + " took over two minutes");
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(command + " exited with " + process.exitValue() + ": " + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every row of every table of every schema (the catalogues aside), and every large object, as COPY writes them. */
    private static String copyEveryTable(String databaseUrl, String user, String password) {
        StringWriter out = new StringWriter();
        try (Connection connection = DriverManager.getConnection(databaseUrl, user, password)) {
            List<String> tables = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select table_schema, table_name from information_schema.tables"
                         + " where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')"
                         + " order by table_schema, table_name")) {
                while (rows.next()) {
                    tables.add(quoted(rows.getString(1)) + "." + quoted(rows.getString(2)));
                }
            }
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                out.append("-- ").append(table).append('\n');
                copy.copyOut("copy " + table + " to stdout", out);
            }
            out.append("-- large objects\n");
            copy.copyOut("copy (select loid, pageno, data from pg_largeobject) to stdout", out);
            return out.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy the tables of " + databaseUrl, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Identifiers cannot be bind parameters: quoted, with any quote doubled, as PostgreSQL's quote_ident does. */
    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
