package commonplace.query.ingest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The consumer's position per partition, kept in PostgreSQL beside the read models it produced. */
@Component
public class OffsetStore {

    private final JdbcTemplate jdbc;

    public OffsetStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next offset to read of every partition that has one stored. */
    public Map<Integer, Long> load(String kafkaTopic) {
        Map<Integer, Long> offsets = new TreeMap<>();
        jdbc.query("select kafka_partition, next_offset from consumer_offset where kafka_topic = ?",
                row -> {
                    offsets.put(row.getInt("kafka_partition"), row.getLong("next_offset"));
                }, kafkaTopic);
        return offsets;
    }

    Map<Integer, Long> load(String kafkaTopic, Collection<Integer> partitions) {
        Map<Integer, Long> all = load(kafkaTopic);
        all.keySet().retainAll(partitions);
        return all;
    }

    /**
     * Stores the next offsets inside the caller's transaction. An offset never moves backwards here, so a consumer
     * that lost its partitions in a rebalance and commits late cannot undo its successor's progress.
     */
    static void save(JdbcTemplate tx, String kafkaTopic, Map<Integer, Long> nextOffsets) {
        List<Object[]> rows = new ArrayList<>();
        nextOffsets.forEach((partition, offset) -> rows.add(new Object[]{kafkaTopic, partition, offset}));
        tx.batchUpdate("""
                insert into consumer_offset (kafka_topic, kafka_partition, next_offset) values (?, ?, ?)
                on conflict (kafka_topic, kafka_partition) do update
                set next_offset = greatest(consumer_offset.next_offset, excluded.next_offset), updated_at = now()
                """, rows);
    }
}
