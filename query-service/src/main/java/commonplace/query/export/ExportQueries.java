package commonplace.query.export;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads what an author did: their stored envelopes (as they arrived, sealed) in time order, and the fate of their comments. */
@Component
class ExportQueries {

    private final JdbcTemplate jdbc;

    ExportQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every envelope the author caused, oldest first (their activity rows point at them). */
    List<String> envelopes(String authorId) {
        return jdbc.queryForList("""
                select e.envelope from activity a
                join event_log e on e.topic_id = a.topic_id and e.sequence = a.sequence
                where a.author_id = ?
                order by a.occurred_at, a.topic_id, a.sequence""", String.class, authorId);
    }

    /** Whether each of the author's comments is retracted now (by them or by a moderator) and whether it is erased. */
    Map<String, boolean[]> commentStates(String authorId) {
        Map<String, boolean[]> states = new HashMap<>();
        jdbc.query("select comment_id, retracted, author_erased from comment where author_id = ?",
                row -> {
                    states.put(row.getString("comment_id"),
                            new boolean[]{row.getBoolean("retracted"), row.getBoolean("author_erased")});
                }, authorId);
        return states;
    }
}
