package commonplace.query.parking;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The statements of parking that run inside the transaction applying a batch (or resuming a topic), on whichever
 * schema that transaction writes: the live read models, or a rebuild's. Callers hold the topic's
 * {@code topic_progress} row lock, so a topic's parking, waiting records and resumption never interleave.
 */
public final class ParkingTables {

    /** A waiting record as stored: its arrival order within the topic, its sequence and its value. */
    public record Waiting(long arrival, long sequence, int partition, long offset, byte[] value) {
    }

    /** A parked topic locked for resuming, with what an admin asked for (null requested: nothing). */
    public record Resumable(String topicId, long headSequence, String requested, Long requestedActionId,
                            Long skipSequence) {
    }

    private ParkingTables() {
    }

    /** Which of these topics are parked. */
    public static Set<String> parkedAmong(JdbcTemplate tx, Collection<String> topicIds) {
        Set<String> parked = new HashSet<>();
        if (topicIds.isEmpty()) {
            return parked;
        }
        tx.query("select topic_id from parked_topic where topic_id = any(?)",
                row -> {
                    parked.add(row.getString(1));
                }, (Object) topicIds.toArray(String[]::new));
        return parked;
    }

    /**
     * Parks {@code head}'s topic at it: later records of the topic wait behind it. A topic parked already (by another
     * consumer during a rebalance) keeps its first reason.
     */
    public static void park(JdbcTemplate tx, ParkedRecord head, String reason, int attempts) {
        tx.update("""
                insert into parked_topic (topic_id, head_sequence, head_type, reason, attempts)
                values (?, ?, ?, ?, ?) on conflict (topic_id) do nothing""",
                head.topicId(), head.sequence(), head.type(), reason, attempts);
        queue(tx, List.of(head));
    }

    /** Adds records to their parked topics' waiting lines; a record waiting already is not added again. */
    public static void queue(JdbcTemplate tx, List<ParkedRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        int size = records.size();
        String[] topics = new String[size];
        Long[] sequences = new Long[size];
        Integer[] partitions = new Integer[size];
        Long[] offsets = new Long[size];
        byte[][] values = new byte[size][];
        for (int i = 0; i < size; i++) {
            ParkedRecord record = records.get(i);
            topics[i] = record.topicId();
            sequences[i] = record.sequence();
            partitions[i] = record.partition();
            offsets[i] = record.offset();
            values[i] = record.value();
        }
        tx.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    with added as (
                        insert into parked_event (topic_id, sequence, kafka_partition, kafka_offset, record_value)
                        select * from unnest(cast(? as text[]), cast(? as bigint[]), cast(? as integer[]),
                                             cast(? as bigint[]), cast(? as bytea[]))
                        on conflict (topic_id, sequence) do nothing
                        returning topic_id)
                    update parked_topic p set waiting = p.waiting + added.count
                    from (select topic_id, count(*) as count from added group by topic_id) added
                    where p.topic_id = added.topic_id""");
            Array[] arrays = {connection.createArrayOf("text", topics), connection.createArrayOf("bigint", sequences),
                    connection.createArrayOf("integer", partitions), connection.createArrayOf("bigint", offsets),
                    connection.createArrayOf("bytea", values)};
            for (int i = 0; i < arrays.length; i++) {
                statement.setArray(i + 1, arrays[i]);
            }
            return statement;
        });
    }

    /** The topics an admin asked to retry or skip, the longest waiting first. */
    public static List<String> requested(JdbcTemplate jdbc, int limit) {
        return jdbc.queryForList("""
                select topic_id from parked_topic where requested is not null
                order by last_attempt_at, topic_id limit ?""", String.class, limit);
    }

    /** Locks a parked topic's row for resuming it; empty when it is not parked. */
    public static Optional<Resumable> lock(JdbcTemplate tx, String topicId) {
        return tx.query("""
                select topic_id, head_sequence, requested, requested_action_id, skip_sequence
                from parked_topic where topic_id = ? for update""", row -> row.next()
                ? Optional.of(new Resumable(row.getString(1), row.getLong(2), row.getString(3),
                (Long) row.getObject(4), (Long) row.getObject(5)))
                : Optional.empty(), topicId);
    }

    /** The first {@code limit} waiting records of a topic, in the order they arrived. */
    public static List<Waiting> waiting(JdbcTemplate tx, String topicId, int limit) {
        return tx.query("""
                select arrival, sequence, kafka_partition, kafka_offset, record_value from parked_event
                where topic_id = ? order by arrival limit ?""", (row, index) -> new Waiting(row.getLong(1),
                row.getLong(2), row.getInt(3), row.getLong(4), row.getBytes(5)), topicId, limit);
    }

    /** Removes waiting records that were applied or dropped. */
    public static void remove(JdbcTemplate tx, String topicId, List<Long> arrivals) {
        if (arrivals.isEmpty()) {
            return;
        }
        tx.update("delete from parked_event where topic_id = ? and arrival = any(?)", topicId,
                arrivals.toArray(Long[]::new));
        tx.update("update parked_topic set waiting = greatest(waiting - ?, 0) where topic_id = ?", arrivals.size(),
                topicId);
    }

    /** True when nothing waits any more: the topic's row is gone and it is applied like any other again. */
    public static boolean unparkIfEmpty(JdbcTemplate tx, String topicId) {
        Boolean empty = tx.queryForObject("select not exists (select 1 from parked_event where topic_id = ?)",
                Boolean.class, topicId);
        if (Boolean.TRUE.equals(empty)) {
            tx.update("delete from parked_topic where topic_id = ?", topicId);
            return true;
        }
        return false;
    }

    /** The head moved on: earlier records were applied. */
    public static void headMovedTo(JdbcTemplate tx, String topicId, long sequence, String type) {
        tx.update("update parked_topic set head_sequence = ?, head_type = ? where topic_id = ?", sequence, type,
                topicId);
    }

    /**
     * Drops the head record an admin's skip names (or one skipped before that failed again); the topic then goes on
     * as a retry does, and the skip's own record is done.
     */
    public static void dropHead(JdbcTemplate tx, String topicId, long arrival) {
        remove(tx, topicId, List.of(arrival));
        tx.update("""
                update parked_topic set requested = 'retry', requested_action_id = null, skip_sequence = null
                where topic_id = ? and requested is not null""", topicId);
    }

    /** Resuming stopped at a record that cannot be applied: the topic stays parked there, nothing is asked any more. */
    public static void stillParkedAt(JdbcTemplate tx, String topicId, long sequence, String type, String reason) {
        tx.update("""
                update parked_topic set head_sequence = ?, head_type = ?, reason = ?, attempts = attempts + 1,
                    last_attempt_at = now(), requested = null, requested_action_id = null, skip_sequence = null
                where topic_id = ?""", sequence, type, reason, topicId);
    }

    /** Forgets an admin's request that cannot be carried out; the topic stays parked as it was. */
    public static void clearRequest(JdbcTemplate tx, String topicId) {
        tx.update("""
                update parked_topic set requested = null, requested_action_id = null, skip_sequence = null
                where topic_id = ?""", topicId);
    }

    /** True when an admin skipped this event once: applying it failed then, and it is dropped again. */
    public static boolean wasSkipped(JdbcTemplate tx, String topicId, long sequence) {
        Boolean skipped = tx.queryForObject("""
                select exists (select 1 from parking_action
                               where topic_id = ? and sequence = ? and action = 'skip' and outcome = 'skipped')""",
                Boolean.class, topicId, sequence);
        return Boolean.TRUE.equals(skipped);
    }

    /** Records how an admin's action ended. */
    public static void finish(JdbcTemplate tx, Long actionId, String outcome) {
        if (actionId != null) {
            tx.update("update parking_action set outcome = ?, finished_at = now() where id = ?", outcome, actionId);
        }
    }
}
