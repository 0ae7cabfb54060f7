package commonplace.query.ingest;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Inserts a batch of rows with one statement and one array parameter per column
 * ({@code insert ... select * from unnest(...)}): PostgreSQL plans it once, and the driver binds a handful of arrays
 * instead of a parameter per value, which cost more than the rows themselves in a batched multi-row insert.
 */
public final class ArrayInsert {

    /** A column and its SQL type: text, integer, bigint, boolean or timestamptz. */
    public record Column(String name, String type) {
    }

    private ArrayInsert() {
    }

    public static Column column(String name, String type) {
        return new Column(name, type);
    }

    /**
     * Inserts {@code rows} (values in {@code columns} order) into {@code table}; {@code onConflict} is the statement's
     * tail, such as {@code on conflict (comment_id) do nothing}. Table, columns and tail are constants of the caller.
     * Rows go in the order given, so of two rows with the same key the first one stays.
     */
    public static int insert(JdbcTemplate tx, String table, List<Column> columns, List<Object[]> rows,
                             String onConflict) {
        if (rows.isEmpty()) {
            return 0;
        }
        String sql = "insert into " + table + " ("
                + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + ") select * from unnest("
                + columns.stream().map(ArrayInsert::parameter).collect(Collectors.joining(", ")) + ") " + onConflict;
        Object[] arrays = new Object[columns.size()];
        for (int index = 0; index < columns.size(); index++) {
            arrays[index] = array(columns.get(index).type(), rows, index);
        }
        return tx.update(sql, arrays);
    }

    /** Timestamps travel as text: the driver has no array type for them. */
    private static String parameter(Column column) {
        return column.type().equals("timestamptz") ? "cast(cast(? as text[]) as timestamptz[])"
                : "cast(? as " + column.type() + "[])";
    }

    private static Object array(String type, List<Object[]> rows, int index) {
        int size = rows.size();
        switch (type) {
            case "integer" -> {
                Integer[] values = new Integer[size];
                for (int row = 0; row < size; row++) {
                    values[row] = (Integer) rows.get(row)[index];
                }
                return values;
            }
            case "bigint" -> {
                Long[] values = new Long[size];
                for (int row = 0; row < size; row++) {
                    Object value = rows.get(row)[index];
                    values[row] = value == null ? null : ((Number) value).longValue();
                }
                return values;
            }
            case "boolean" -> {
                Boolean[] values = new Boolean[size];
                for (int row = 0; row < size; row++) {
                    values[row] = (Boolean) rows.get(row)[index];
                }
                return values;
            }
            case "text", "timestamptz" -> {
                String[] values = new String[size];
                for (int row = 0; row < size; row++) {
                    values[row] = text(rows.get(row)[index]);
                }
                return values;
            }
            default -> throw new IllegalArgumentException("no array binding for " + type);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime timestamp) {
            return Sql.text(timestamp.toInstant());
        }
        if (value instanceof Instant instant) {
            return Sql.text(instant);
        }
        return value.toString();
    }
}
