package commonplace.query.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Records that are not events this service can apply, kept with the reason so the stream can go on. */
@Component
public class DeadLetters {

    /** A record and why it was set aside. */
    record DeadLetter(ConsumerRecord<String, byte[]> record, String reason) {
    }

    private static final int MAX_REASON_LENGTH = 2000;

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
                insert into dead_letter (kafka_topic, kafka_partition, kafka_offset, record_key, record_value, reason)
                values (?, ?, ?, ?, ?, ?)
                on conflict (kafka_topic, kafka_partition, kafka_offset) do nothing""",
                deadLetters.stream().map(letter -> new Object[]{
                        letter.record().topic(), letter.record().partition(), letter.record().offset(),
                        letter.record().key(), letter.record().value(), shorten(letter.reason())}).toList());
    }

    private static String shorten(String reason) {
        String text = reason == null ? "unknown" : reason;
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH);
    }
}
