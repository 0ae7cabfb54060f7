package commonplace.command.support;

import commonplace.testing.kafka.FeedLog;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text search through everything the command service keeps: every column of every row of every table in its
 * schema (byte columns read as UTF-8, as a dump would show them), and every Kafka record's key, value and headers.
 */
public final class PlaintextScan {

    private PlaintextScan() {
    }

    /** Where in the command schema any of {@code needles} occurs: "table: row" for each hit. */
    public static List<String> database(JdbcTemplate jdbc, String... needles) {
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables"
                + " where table_schema = 'command' and table_type = 'BASE TABLE' order by table_name", String.class);
        if (tables.size() < 10) {
            throw new IllegalStateException("the command schema has only " + tables + ": not the service's schema");
        }
        List<String> hits = new ArrayList<>();
        for (String table : tables) {
            jdbc.query("select * from command." + table, row -> {
                ResultSetMetaData columns = row.getMetaData();
                StringBuilder text = new StringBuilder();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    Object value = row.getObject(i);
                    text.append(' ').append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                            : value instanceof Array array ? String.valueOf(array) : String.valueOf(value));
                }
                hits.addAll(matches(table, text.toString(), needles));
            });
        }
        return hits;
    }

    /** Where in the Kafka records any of {@code needles} occurs. */
    public static List<String> kafka(List<FeedLog.Received> records, String... needles) {
        List<String> hits = new ArrayList<>();
        for (FeedLog.Received record : records) {
            StringBuilder text = new StringBuilder(record.key()).append(' ')
                    .append(new String(record.rawValue(), StandardCharsets.UTF_8));
            record.rawHeaders().forEach(header -> text.append(' ').append(new String(header, StandardCharsets.UTF_8)));
            hits.addAll(matches("kafka " + record.key(), text.toString(), needles));
        }
        return hits;
    }

    private static List<String> matches(String where, String text, String... needles) {
        List<String> hits = new ArrayList<>();
        for (String needle : needles) {
            if (text.contains(needle)) {
                hits.add(where + " holds '" + needle + "'");
            }
        }
        return hits;
    }
}
