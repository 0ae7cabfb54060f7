package commonplace.query.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/**
 * Records that are not events this service can apply, kept with the reason so the stream can go on. Nothing about a
 * record can make storing it fail: key and value go in as bytes (the value up to {@link #MAX_VALUE_BYTES}, with the
 * size it had; the whole record stays in Kafka at its offset), the reason is made safe first.
 */
@Component
public class DeadLetters {

    /** A record and why it was set aside. */
    record DeadLetter(ConsumerRecord<byte[], byte[]> record, String reason) {
    }

    static final int MAX_VALUE_BYTES = 1024 * 1024;

    private final JdbcTemplate jdbc;

    public DeadLetters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        Long count = jdbc.queryForObject("select count(*) from dead_letter", Long.class);
        return count == null ? 0 : count;
    }

    /** Inserts inside the caller's transaction; a redelivered record that is already here is not added again. */
    static void save(JdbcTemplate tx, List<DeadLetter> deadLetters) {
        tx.batchUpdate("""
                insert into dead_letter (kafka_topic, kafka_partition, kafka_offset, record_key, record_value,
                                         record_value_size, reason)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (kafka_topic, kafka_partition, kafka_offset) do nothing""",
                deadLetters.stream().map(letter -> {
                    byte[] value = letter.record().value();
                    return new Object[]{letter.record().topic(), letter.record().partition(),
                            letter.record().offset(), letter.record().key(), bounded(value),
                            value == null ? null : value.length, FailureReasons.safe(letter.reason())};
                }).toList());
    }

    private static byte[] bounded(byte[] value) {
        return value == null || value.length <= MAX_VALUE_BYTES ? value : Arrays.copyOf(value, MAX_VALUE_BYTES);
    }
}
