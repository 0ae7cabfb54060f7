package commonplace.command.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import commonplace.command.topic.model.Results;
import commonplace.events.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The idempotency records in PostgreSQL. Every method runs in the caller's transaction (the command's), so a claim
 * and its answer commit or roll back together with the events the command recorded.
 */
@Component
class IdempotencyStore {

    /** What was recorded for a key: the request it was first used for and, once handled, the answer. */
    record Claimed(String fingerprint, Object answer) {
    }

    /**
     * The answers a key can replay, stored by their simple name so that moving a class never strands an answer. Rows
     * written with the full class name ({@code commonplace.command.topic.Results$CommentResult}) read the same.
     */
    private static final Map<String, Class<?>> ANSWER_TYPES = Arrays.stream(Results.class.getDeclaredClasses())
            .filter(Class::isRecord)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper = EventJson.configure(new ObjectMapper());
    private final Duration retention;

    IdempotencyStore(JdbcTemplate jdbc, @org.springframework.beans.factory.annotation.Value(
            "${commonplace.idempotency.retention}") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    /**
     * Claims the key for this request, or returns what the first request with it recorded. A concurrent first
     * request holding the same key makes this wait until it commits (then its record is returned) or rolls back
     * (then this one claims the key).
     */
    Optional<Claimed> claim(String authorId, String key, String fingerprint) {
        jdbc.update("delete from idempotency_record where author_id = ? and idempotency_key = ?"
                + " and created_at < now() - make_interval(secs => ?)", authorId, key, retention.toSeconds());
        int inserted = jdbc.update("insert into idempotency_record (author_id, idempotency_key, fingerprint)"
                + " values (?, ?, ?) on conflict do nothing", authorId, key, fingerprint);
        if (inserted == 1) {
            return Optional.empty();
        }
        return jdbc.query("select fingerprint, answer_type, answer::text from idempotency_record"
                        + " where author_id = ? and idempotency_key = ?",
                (row, n) -> new Claimed(row.getString(1), readAnswer(row.getString(2), row.getString(3))),
                authorId, key).stream().findFirst();
    }

    void answer(String authorId, String key, Object answer) {
        jdbc.update("update idempotency_record set answer_type = ?, answer = ?::jsonb"
                        + " where author_id = ? and idempotency_key = ?",
                answer == null ? null : answerType(answer), writeAnswer(answer), authorId, key);
    }

    int purgeExpired() {
        return jdbc.update("delete from idempotency_record where created_at < now() - make_interval(secs => ?)",
                retention.toSeconds());
    }

    private static String answerType(Object answer) {
        String name = answer.getClass().getSimpleName();
        if (ANSWER_TYPES.get(name) != answer.getClass()) {
            throw new IllegalStateException("not a command answer type: " + answer.getClass().getName());
        }
        return name;
    }

    private String writeAnswer(Object answer) {
        if (answer == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a command answer always serialises", e);
        }
    }

    private Object readAnswer(String type, String json) {
        if (type == null || json == null) {
            return null;
        }
        // the simple name is what follows the last '$' or '.' of a full class name
        String simpleName = type.substring(Math.max(type.lastIndexOf('$'), type.lastIndexOf('.')) + 1);
        Class<?> answerType = ANSWER_TYPES.get(simpleName);
        if (answerType == null) {
            throw new IllegalStateException("not a command answer type: " + type);
        }
        try {
            return mapper.readValue(json, answerType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer of type " + type + " is unreadable", e);
        }
    }
}
