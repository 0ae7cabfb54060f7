package commonplace.web.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * After an erasure commits, the old versions of the rows it overwrote (the wrapped data key above all) survive as dead
 * tuples until PostgreSQL vacuums the table; this vacuums the erasure's tables at once. {@code VACUUM} cannot run in a
 * transaction, so it takes a connection of its own in autocommit, on a background thread: the erasure never waits for
 * it and never fails with it (autovacuum remains the fallback). Requests while one is queued fold into it. Both
 * services use it, each for the tables its erasure scrubs.
 */
public final class ErasureVacuum implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ErasureVacuum.class);
    // table names are fixed in the code, never input; VACUUM takes no bind parameters, so they are checked instead
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");

    private final DataSource dataSource;
    private final List<String> tables;
    private final ExecutorService executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(1), runnable -> {
                Thread thread = new Thread(runnable, "erasure-vacuum");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    public ErasureVacuum(DataSource dataSource, List<String> tables) {
        this.dataSource = dataSource;
        List<String> checked = new ArrayList<>(new LinkedHashSet<>(tables));
        checked.forEach(table -> {
            if (!TABLE.matcher(table).matches()) {
                throw new IllegalArgumentException("not a table name: " + table);
            }
        });
        this.tables = List.copyOf(checked);
    }

    /** Vacuums the tables soon, on the background thread; returns at once. */
    public void afterErasure() {
        executor.execute(this::vacuumQuietly);
    }

    /** Vacuums every table now, on the calling thread; a table that fails is logged and the others still run. */
    public void vacuumQuietly() {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                for (String table : tables) {
                    try {
                        statement.execute("vacuum " + table);
                    } catch (SQLException e) {
                        // the state and class only: a message can quote values
                        log.warn("Vacuuming {} after an erasure failed (SQLState {}); autovacuum will reach it",
                                table, e.getSQLState());
                    }
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Vacuuming after an erasure failed ({}); autovacuum will reach the tables",
                    e.getClass().getName());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
