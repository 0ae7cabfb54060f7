package commonplace.query.ingest;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;

/**
 * Rows that only ever grow, one per event and keyed by (topic_id, sequence): the event log and the activity tables.
 * The {@link BatchApplier} applies each event once, so a key never comes twice; live batches still insert with
 * {@code on conflict do nothing}, while a rebuild ({@link FreshTables}) streams them with COPY, which costs
 * PostgreSQL a fraction of an insert per row.
 */
public final class AppendOnlyRows {

    private AppendOnlyRows() {
    }

    /** Writes {@code rows} (values in {@code columns} order) into {@code table}, a constant of the caller. */
    public static void insert(JdbcTemplate tx, String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String columnList = String.join(", ", columns);
        if (tx instanceof FreshTables) {
            copy(tx, "copy " + table + " (" + columnList + ") from stdin", rows);
        } else {
            String placeholders = String.join(", ", Collections.nCopies(columns.size(), "?"));
            tx.batchUpdate("insert into " + table + " (" + columnList + ") values (" + placeholders + ") "
                    + "on conflict (topic_id, sequence) do nothing", rows);
        }
    }

    private static void copy(JdbcTemplate tx, String sql, List<Object[]> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 256);
        for (Object[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                if (column > 0) {
                    text.append('\t');
                }
                appendValue(text, row[column]);
            }
            text.append('\n');
        }
        tx.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(text.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** COPY's text format: \N is null; backslash, tab, newline and carriage return are escaped. */
    static void appendValue(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        String plain = value.toString();
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
