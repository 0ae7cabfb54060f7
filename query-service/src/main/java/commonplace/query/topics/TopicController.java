package commonplace.query.topics;

import commonplace.query.ingest.Sql;
import commonplace.query.web.ApiProblem;
import commonplace.query.web.Cursor;
import commonplace.query.web.Ids;
import commonplace.query.web.Limits;
import commonplace.query.web.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Topic summaries: the list (most recently active first, keyset on last activity and id) and one topic. */
@RestController
class TopicController {

    private static final String CURSOR_KIND = "topics";

    private final JdbcTemplate jdbc;

    TopicController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/topics")
    Page<TopicSummary> topics(@RequestParam(required = false) String cursor,
                              @RequestParam(required = false) String limit) {
        int pageSize = Limits.parse(limit);
        String select = "select " + TopicSummary.COLUMNS + " from topic ";
        String order = " order by last_activity_at desc, topic_id desc limit ?";
        List<TopicSummary> found;
        if (cursor == null) {
            found = jdbc.query(select + order, TopicSummary.MAPPER, pageSize + 1);
        } else {
            Cursor after = Cursor.decode(cursor, CURSOR_KIND, 2);
            Instant lastActivityAt = Instant.EPOCH.plus(after.number(0), ChronoUnit.MICROS);
            found = jdbc.query(select + "where (last_activity_at, topic_id) < (?, ?)" + order, TopicSummary.MAPPER,
                    Sql.timestamp(lastActivityAt), after.text(1), pageSize + 1);
        }
        boolean more = found.size() > pageSize;
        List<TopicSummary> page = found.subList(0, Math.min(pageSize, found.size()));
        String next = null;
        if (more) {
            TopicSummary last = page.get(page.size() - 1);
            next = Cursor.encode(CURSOR_KIND, ChronoUnit.MICROS.between(Instant.EPOCH, last.lastActivityAt()),
                    last.topicId());
        }
        return new Page<>(List.copyOf(page), next);
    }

    @GetMapping("/api/v1/topics/{topicId}")
    TopicSummary topic(@PathVariable String topicId) {
        Ids.topicId(topicId);
        List<TopicSummary> found = jdbc.query("select " + TopicSummary.COLUMNS + " from topic where topic_id = ?",
                TopicSummary.MAPPER, topicId);
        if (found.isEmpty()) {
            throw ApiProblem.notFound("No topic " + topicId + ".");
        }
        return found.get(0);
    }
}
