package commonplace.query.authorhistory;

import commonplace.query.activity.ActivityEntry;
import commonplace.query.activity.ActivityRows;
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

/**
 * {@code GET /api/v1/authors/{authorId}/history}: everything an author did, newest first, keyset-paged on
 * (occurredAt, topicId, sequence). An author with no activity at all is 404.
 */
@RestController
class AuthorHistoryController {

    private static final String CURSOR_KIND = "history";

    private final JdbcTemplate jdbc;

    AuthorHistoryController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/authors/{authorId}/history")
    Page<HistoryItem> history(@PathVariable String authorId, @RequestParam(required = false) String cursor,
                              @RequestParam(required = false) String limit) {
        Ids.authorId(authorId);
        int pageSize = Limits.parse(limit);
        List<ActivityEntry> entries;
        String select = "select " + ActivityRows.COLUMNS + " from author_activity where author_id = ? ";
        String order = " order by occurred_at desc, topic_id desc, sequence desc limit ?";
        if (cursor == null) {
            entries = jdbc.query(select + order, ActivityRows.MAPPER, authorId, pageSize + 1);
            if (entries.isEmpty()) {
                throw ApiProblem.notFound("No activity of author " + authorId + ".");
            }
        } else {
            Cursor after = Cursor.decode(cursor, CURSOR_KIND, 4);
            if (!after.text(0).equals(authorId)) {
                throw ApiProblem.invalid("cursor", "belongs to another author's history");
            }
            Instant occurredAt = Instant.EPOCH.plus(after.number(1), ChronoUnit.MICROS);
            entries = jdbc.query(select + "and (occurred_at, topic_id, sequence) < (?, ?, ?)" + order,
                    ActivityRows.MAPPER, authorId, Sql.timestamp(occurredAt), after.text(2), after.number(3),
                    pageSize + 1);
        }
        boolean more = entries.size() > pageSize;
        List<ActivityEntry> page = entries.subList(0, Math.min(pageSize, entries.size()));
        String next = null;
        if (more) {
            ActivityEntry last = page.get(page.size() - 1);
            next = Cursor.encode(CURSOR_KIND, authorId, ChronoUnit.MICROS.between(Instant.EPOCH, last.occurredAt()),
                    last.topicId(), last.sequence());
        }
        return new Page<>(page.stream().map(HistoryItem::of).toList(), next);
    }
}
