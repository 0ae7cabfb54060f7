package commonplace.query;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every row of every read-model table (and the per-topic progress and dead letters) as text, in a fixed order. Dead
 * letters without their id and arrival time, which say when, not what.
 */
public final class ReadModelDump {

    private static final List<String> TABLES = List.of("topic_progress", "event_log", "topic", "comment",
            "comment_revision", "comment_link", "activity", "dead_letter");

    private ReadModelDump() {
    }

    public static Map<String, List<String>> of(JdbcTemplate jdbc) {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        for (String table : TABLES) {
            String row = table.equals("dead_letter")
                    ? "(kafka_topic, kafka_partition, kafka_offset, record_key, record_value, reason)::text" : "t::text";
            dump.put(table, jdbc.queryForList("select " + row + " from " + table + " t order by 1", String.class));
        }
        return dump;
    }
}
