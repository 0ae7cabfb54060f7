package commonplace.query.eventlog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.OptionalLong;

/** Reads a topic's envelopes from {@code event_log} in sequence order, in keyset chunks. */
@Component
class EventFeedQueries {

    /** One envelope as it arrived, with its sequence in the topic. */
    record Line(long sequence, String type, String envelope) {
    }

    private final JdbcTemplate jdbc;

    EventFeedQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The topic's last sequence in the log; empty when the topic has no event at all. */
    OptionalLong lastSequence(String topicId) {
        Long last = jdbc.queryForObject("select max(sequence) from event_log where topic_id = ?", Long.class, topicId);
        return last == null ? OptionalLong.empty() : OptionalLong.of(last);
    }

    /** Up to {@code count} envelopes after {@code afterSequence}, none past {@code lastSequence}. */
    List<Line> chunk(String topicId, long afterSequence, long lastSequence, int count) {
        return jdbc.query("select sequence, type, envelope from event_log "
                        + "where topic_id = ? and sequence > ? and sequence <= ? order by sequence limit ?",
                (row, index) -> new Line(row.getLong("sequence"), row.getString("type"), row.getString("envelope")),
                topicId, afterSequence, lastSequence, count);
    }

    /** The topic's comments retracted by now: their texts are withheld from anonymous readers at every position. */
    Set<String> retractedComments(String topicId) {
        return new HashSet<>(jdbc.queryForList("select comment_id from comment where topic_id = ? and retracted",
                String.class, topicId));
    }
}
