package commonplace.query.parking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The parked topics of the live read models as admins see and act on them. An admin's retry or skip is recorded
 * (who, when, which event) and handed to the consumer, which carries it out between two batches: this class never
 * applies an event itself, so the consumer stays the one writer of the read models, and a topic with 100,000 waiting
 * records costs a request no more than one with one.
 */
@Component
public class ParkedTopics {

    /** An admin's action on a parked topic; {@code outcome} is "requested" until the consumer has carried it out. */
    public record Action(long id, String action, String actor, Instant at, long sequence, String eventType,
                         String outcome, Instant finishedAt) {
    }

    /** What became of an admin's request. */
    public sealed interface Request {
        /** Recorded and handed to the consumer. */
        record Accepted(ParkedTopic topic, Action action) implements Request {
        }

        /** The topic is not parked (any more). */
        record NotParked() implements Request {
        }

        /** A retry or skip of this topic is under way already. */
        record Busy(ParkedTopic topic) implements Request {
        }

        /** The request named a waiting event that is not the topic's first one (any more). */
        record HeadMoved(ParkedTopic topic) implements Request {
        }
    }

    private static final String TOPIC_COLUMNS = """
            topic_id, head_sequence, head_type, reason, since, attempts, last_attempt_at, waiting, requested""";
    private static final RowMapper<ParkedTopic> TOPIC = (row, index) -> new ParkedTopic(row.getString(1),
            row.getLong(2), row.getString(3), row.getString(4), instant(row.getTimestamp(5)), row.getInt(6),
            instant(row.getTimestamp(7)), row.getLong(8), row.getString(9));
    private static final RowMapper<Action> ACTION = (row, index) -> new Action(row.getLong(1), row.getString(2),
            row.getString(3), instant(row.getTimestamp(4)), row.getLong(5), row.getString(6), row.getString(7),
            instant(row.getTimestamp(8)));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    ParkedTopics(JdbcTemplate jdbc, TransactionTemplate transactions, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.meters = meters;
    }

    /** Up to {@code limit} parked topics by topic id, after {@code afterTopicId} when given. */
    public List<ParkedTopic> list(int limit, String afterTopicId) {
        return afterTopicId == null
                ? jdbc.query("select " + TOPIC_COLUMNS + " from parked_topic order by topic_id limit ?", TOPIC, limit)
                : jdbc.query("select " + TOPIC_COLUMNS + " from parked_topic where topic_id > ? order by topic_id "
                + "limit ?", TOPIC, afterTopicId, limit);
    }

    /** Up to {@code limit} parked topics, the longest parked first: what the projection status shows. */
    public List<ParkedTopic> longestParked(int limit) {
        return jdbc.query("select " + TOPIC_COLUMNS + " from parked_topic order by since, topic_id limit ?", TOPIC,
                limit);
    }

    public Optional<ParkedTopic> find(String topicId) {
        return jdbc.query("select " + TOPIC_COLUMNS + " from parked_topic where topic_id = ?", TOPIC, topicId)
                .stream().findFirst();
    }

    /** The newest {@code limit} admin actions on a topic, newest first (kept after the topic resumed). */
    public List<Action> actions(String topicId, int limit) {
        return jdbc.query("""
                select id, action, actor, at, sequence, event_type, outcome, finished_at from parking_action
                where topic_id = ? order by id desc limit ?""", ACTION, topicId, limit);
    }

    /**
     * Records an admin's retry or skip of a parked topic and hands it to the consumer. A skip drops only the event the
     * topic waits at; with {@code expectedSequence} only if that is still the one.
     *
     * @param action "retry" or "skip"
     * @param actor  who asks: the token's subject
     */
    public Request request(String topicId, String action, String actor, Long expectedSequence) {
        Request request = transactions.execute(status -> record(topicId, action, actor, expectedSequence));
        if (request instanceof Request.Accepted) {
            Counter.builder("commonplace.parking.actions").description("Admin actions on parked topics")
                    .tag("action", action).register(meters).increment();
        }
        return request;
    }

    private Request record(String topicId, String action, String actor, Long expectedSequence) {
        Optional<ParkedTopic> locked = jdbc.query("select " + TOPIC_COLUMNS
                + " from parked_topic where topic_id = ? for update", TOPIC, topicId).stream().findFirst();
        if (locked.isEmpty()) {
            return new Request.NotParked();
        }
        ParkedTopic topic = locked.get();
        if (topic.requested() != null) {
            return new Request.Busy(topic);
        }
        if (expectedSequence != null && expectedSequence != topic.headSequence()) {
            return new Request.HeadMoved(topic);
        }
        Action recorded = jdbc.queryForObject("""
                insert into parking_action (topic_id, action, actor, sequence, event_type) values (?, ?, ?, ?, ?)
                returning id, action, actor, at, sequence, event_type, outcome, finished_at""", ACTION,
                topicId, action, actor, topic.headSequence(), topic.headType());
        jdbc.update("""
                update parked_topic set requested = ?, requested_action_id = ?, skip_sequence = ?
                where topic_id = ?""", action, recorded.id(), "skip".equals(action) ? topic.headSequence() : null,
                topicId);
        ParkedTopic asked = new ParkedTopic(topic.topicId(), topic.headSequence(), topic.headType(),
                topic.reason(), topic.since(), topic.attempts(), topic.lastAttemptAt(), topic.waiting(), action);
        return new Request.Accepted(asked, recorded);
    }

    /** How many topics are parked and how many records wait in all. */
    public Totals totals() {
        return jdbc.queryForObject("select count(*), coalesce(sum(waiting), 0) from parked_topic",
                (row, index) -> new Totals(row.getLong(1), row.getLong(2)));
    }

    /** The figures of every parked topic together. */
    public record Totals(long topics, long waiting) {
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
