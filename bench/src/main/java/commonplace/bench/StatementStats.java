package commonplace.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's own account of the statements a run executed ({@code pg_stat_statements}, loaded at server start):
 * reset before the measured run, read after it, so the report says which statements cost the database its time.
 */
final class StatementStats {

    /** One normalised statement: how often it ran and how much execution time it took in all. */
    record Row(String query, long calls, double totalMillis, long rows) {
    }

    /** The statements of one run, biggest first, and the execution time of every statement together. */
    record Summary(List<Row> top, double totalMillis, long totalCalls) {
    }

    private final String jdbcUrl;
    private final String user;
    private boolean available;

    StatementStats(String jdbcUrl, String user) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            available = true;
        } catch (SQLException e) {
            Benchmark.say("pg_stat_statements is not available: %s", e.getMessage());
        }
    }

    void reset() {
        if (!available) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute("select pg_stat_statements_reset()");
        } catch (SQLException e) {
            Benchmark.say("could not reset pg_stat_statements: %s", e.getMessage());
        }
    }

    /** The {@code limit} statements that took the most execution time since the last reset (all databases). */
    Summary read(int limit) {
        if (!available) {
            return new Summary(List.of(), 0, 0);
        }
        List<Row> rows = new ArrayList<>();
        double total = 0;
        long calls = 0;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "")) {
            try (PreparedStatement sum = connection.prepareStatement(
                    "select coalesce(sum(total_exec_time), 0), coalesce(sum(calls), 0) from pg_stat_statements"
                            + " where query not like '%pg_stat_statements%'");
                 ResultSet result = sum.executeQuery()) {
                result.next();
                total = result.getDouble(1);
                calls = result.getLong(2);
            }
            try (PreparedStatement top = connection.prepareStatement("""
                    select query, calls, total_exec_time, rows from pg_stat_statements
                    where query not like '%pg_stat_statements%'
                    order by total_exec_time desc limit ?""")) {
                top.setInt(1, limit);
                try (ResultSet result = top.executeQuery()) {
                    while (result.next()) {
                        rows.add(new Row(result.getString(1), result.getLong(2), result.getDouble(3),
                                result.getLong(4)));
                    }
                }
            }
        } catch (SQLException e) {
            Benchmark.say("could not read pg_stat_statements: %s", e.getMessage());
        }
        return new Summary(rows, total, calls);
    }
}
