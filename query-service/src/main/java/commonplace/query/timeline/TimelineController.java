package commonplace.query.timeline;

import commonplace.events.ConsistencyPosition;
import commonplace.query.activity.ActivityEntry;
import commonplace.query.activity.ActivityRows;
import commonplace.query.web.ApiProblem;
import commonplace.query.web.Ids;
import commonplace.query.web.Limits;
import commonplace.query.web.Page;
import commonplace.query.web.TopicPages;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.util.List;

/**
 * {@code GET /api/v1/topics/{topicId}/timeline}: every activity of a topic, oldest first, paged by position; answered
 * through {@link TopicPages} (ETag, 304, rendered-page cache).
 */
@RestController
class TimelineController {

    private final JdbcTemplate jdbc;
    private final TopicPages pages;

    TimelineController(JdbcTemplate jdbc, TopicPages pages) {
        this.jdbc = jdbc;
        this.pages = pages;
    }

    @GetMapping("/api/v1/topics/{topicId}/timeline")
    ResponseEntity<byte[]> timeline(@PathVariable String topicId, @RequestParam(required = false) String after,
                                    @RequestParam(required = false) String limit, WebRequest request) {
        Ids.topicId(topicId);
        int pageSize = Limits.parse(limit);
        long afterSequence = after == null ? 0 : afterSequence(topicId, after);
        return pages.answer(request, topicId, "timeline " + afterSequence + " " + pageSize,
                () -> ApiProblem.notFound("No topic " + topicId + "."), () -> page(topicId, afterSequence, pageSize));
    }

    private Page<TimelineItem> page(String topicId, long afterSequence, int pageSize) {
        List<ActivityEntry> entries = jdbc.query("select " + ActivityRows.COLUMNS + " from timeline_entry "
                        + "where topic_id = ? and sequence > ? order by sequence limit ?",
                ActivityRows.MAPPER, topicId, afterSequence, pageSize + 1);
        boolean more = entries.size() > pageSize;
        List<TimelineItem> items = entries.stream().limit(pageSize).map(TimelineItem::of).toList();
        return new Page<>(items, more ? items.get(items.size() - 1).position() : null);
    }

    private static long afterSequence(String topicId, String after) {
        ConsistencyPosition position = ConsistencyPosition.decode(after)
                .orElseThrow(() -> ApiProblem.invalid("after", "is not a timeline position"));
        if (!position.topicId().equals(topicId)) {
            throw ApiProblem.invalid("after", "is a position of another topic");
        }
        return position.sequence();
    }
}
