package commonplace.command.eventstore;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import commonplace.command.topic.model.Results;
import commonplace.command.topic.model.RuleViolation;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Keeps a topic's answers true when several command services share one event store, each with topics cached in
 * memory. A write on a topic another instance has written to since fails its append (the sequence is taken), and is
 * sent again on the topic as stored. A refusal by a rule is answered only when this instance's copy of the topic is
 * known to be the newest: the store's last sequence for it equals the last one this instance wrote or read; otherwise
 * the copy is dropped and the command decided once more on the topic as stored. One instance alone never re-decides:
 * its copy is always the newest, so a refusal costs one index lookup more.
 */
@Component
public class TopicFreshness {

    /** A topic appended to concurrently by other instances on every attempt still gets this many. */
    static final int MAX_ATTEMPTS = 5;

    private final JdbcTemplate jdbc;
    private final org.axonframework.common.caching.Cache topics;
    /** The last 1-based sequence this instance knows each topic to have in the store. */
    private final Cache<String, Long> knownLastSequence = Caffeine.newBuilder().maximumSize(100_000).build();

    TopicFreshness(JdbcTemplate jdbc, @Qualifier("topicCache") org.axonframework.common.caching.Cache topics) {
        this.jdbc = jdbc;
        this.topics = topics;
    }

    /** Runs {@code command} (one send of a command for {@code topicId}) until it is decided on the newest topic. */
    public <R> R decide(String topicId, Supplier<R> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                R result = command.get();
                remember(topicId, result);
                return result;
            } catch (RuleViolation e) {
                long stored = storedLastSequence(topicId);
                Long known = knownLastSequence.getIfPresent(topicId);
                if (attempt >= MAX_ATTEMPTS || (known != null && known == stored)) {
                    throw e;
                }
                // decided on a copy that may be older than the store: once more on the topic as stored
                topics.remove(topicId);
                knownLastSequence.put(topicId, stored);
            } catch (RuntimeException e) {
                if (!sequenceTaken(e) || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                // the whole transaction rolled back: nothing of this attempt is left, so it can be decided again
                topics.remove(topicId);
            }
        }
    }

    /**
     * Whether the append failed because the topic's next sequence was taken meanwhile: Axon's concurrency exception,
     * or PostgreSQL's unique violation (23505) under Axon's own event store exception.
     */
    static boolean sequenceTaken(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static final String UNIQUE_VIOLATION = "23505";

    private void remember(String topicId, Object result) {
        long last = -1;
        if (result instanceof Results.CommentResult r) {
            last = r.lastSequence();
        } else if (result instanceof Results.TopicChanged r) {
            last = r.lastSequence();
        } else if (result instanceof Results.ShareResult r) {
            last = r.lastSequence();
        } else if (result instanceof Results.TopicOpenedResult r) {
            last = r.lastSequence();
        }
        if (last > 0) {
            knownLastSequence.asMap().merge(topicId, last, Math::max);
        }
    }

    private long storedLastSequence(String topicId) {
        Long max = jdbc.queryForObject(
                "select max(sequencenumber) from domainevententry where aggregateidentifier = ?", Long.class, topicId);
        return max == null ? 0 : max + 1;
    }
}
