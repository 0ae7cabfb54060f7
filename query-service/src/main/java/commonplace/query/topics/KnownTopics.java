package commonplace.query.topics;

import commonplace.query.web.ApiProblem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whether a topic has any event applied: the 404 check of every per-topic read. */
@Component
public class KnownTopics {

    private final JdbcTemplate jdbc;

    KnownTopics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void require(String topicId) {
        Boolean known = jdbc.queryForObject("select exists (select 1 from topic where topic_id = ?)", Boolean.class,
                topicId);
        if (!Boolean.TRUE.equals(known)) {
            throw ApiProblem.notFound("No topic " + topicId + ".");
        }
    }
}
