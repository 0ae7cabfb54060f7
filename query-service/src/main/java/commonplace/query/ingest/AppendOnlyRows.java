package commonplace.query.ingest;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Rows that only ever grow, one per event and keyed by (topic_id, sequence): the event log and the activity tables.
 * The {@link BatchApplier} applies each event once, so a key never comes twice; live batches still insert with
 * {@code on conflict do nothing} (one statement of arrays, {@link ArrayInsert}), while a rebuild
 * ({@link FreshTables}) streams them with COPY, which costs PostgreSQL a fraction of an insert per row.
 */
public final class AppendOnlyRows {

    private AppendOnlyRows() {
    }

    /** Writes {@code rows} (values in {@code columns} order) into {@code table}, a constant of the caller. */
    public static void insert(JdbcTemplate tx, String table, List<ArrayInsert.Column> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (tx instanceof FreshTables) {
            String columnList = columns.stream().map(ArrayInsert.Column::name).collect(Collectors.joining(", "));
            copy(tx, "copy " + table + " (" + columnList + ") from stdin (format binary)", columns, rows);
        } else {
            ArrayInsert.insert(tx, table, columns, rows, "on conflict (topic_id, sequence) do nothing");
        }
    }

    private static void copy(JdbcTemplate tx, String sql, List<ArrayInsert.Column> columns, List<Object[]> rows) {
        tx.execute((ConnectionCallback<Long>) connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                CopyBinary binary = new CopyBinary(copy, columns);
                for (Object[] row : rows) {
                    binary.row(row);
                }
                binary.finish();
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }
}
