package commonplace.query.ingest;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * The highest sequence applied per discussion topic: what makes every projection idempotent. Rows are locked for
 * the batch, so two consumers that briefly own the same partition during a rebalance apply a topic one after the
 * other, and the second one skips what the first applied.
 */
final class TopicProgress {

    /** A topic's progress after a batch: how far it got, how many events it applied, the newest event's time. */
    record Advance(long appliedSequence, long appliedEvents, Instant lastOccurredAt) {
    }

    private TopicProgress() {
    }

    static Map<String, Long> lockAndLoad(JdbcTemplate tx, SortedSet<String> topicIds) {
        Map<String, Long> applied = new HashMap<>();
        if (topicIds.isEmpty()) {
            return applied;
        }
        List<Object[]> rows = topicIds.stream().map(id -> new Object[]{id}).toList();
        // sorted, so concurrent batches take their row locks in the same order
        tx.batchUpdate("insert into topic_progress (topic_id, applied_sequence) values (?, 0) on conflict do nothing",
                rows);
        tx.query(connection -> {
            var statement = connection.prepareStatement("""
                    select topic_id, applied_sequence from topic_progress where topic_id = any(?)
                    order by topic_id for update""");
            Array ids = connection.createArrayOf("text", topicIds.toArray());
            statement.setArray(1, ids);
            return statement;
        }, row -> {
            applied.put(row.getString("topic_id"), row.getLong("applied_sequence"));
        });
        return applied;
    }

    static void save(JdbcTemplate tx, Map<String, Advance> advances) {
        List<Object[]> rows = new ArrayList<>();
        advances.forEach((topicId, advance) -> rows.add(new Object[]{
                advance.appliedSequence(), advance.appliedEvents(), Sql.timestamp(advance.lastOccurredAt()), topicId}));
        tx.batchUpdate("""
                update topic_progress
                set applied_sequence = ?, applied_events = applied_events + ?, last_occurred_at = ?
                where topic_id = ?""", rows);
    }
}
