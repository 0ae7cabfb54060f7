package commonplace.query.timeline;

import commonplace.query.web.ApiProblem;
import commonplace.query.web.Ids;
import commonplace.query.web.Limits;
import commonplace.query.web.Positions;
import commonplace.query.web.TopicPages;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code GET /api/v1/topics/{topicId}/timeline}: every activity of a topic, oldest first, paged by position; answered
 * through {@link TopicPages} (ETag, 304, rendered-page cache).
 */
@RestController
class TimelineController {

    private final TimelineQueries queries;
    private final TopicPages pages;

    TimelineController(TimelineQueries queries, TopicPages pages) {
        this.queries = queries;
        this.pages = pages;
    }

    @GetMapping("/api/v1/topics/{topicId}/timeline")
    ResponseEntity<byte[]> timeline(@PathVariable String topicId, @RequestParam(required = false) String after,
                                    @RequestParam(required = false) String limit, WebRequest request) {
        Ids.topicId(topicId);
        int pageSize = Limits.parse(limit);
        long afterSequence = after == null ? 0 : Positions.afterSequence(after, topicId);
        return pages.answer(request, topicId, "timeline " + afterSequence + " " + pageSize,
                () -> ApiProblem.notFound("No topic " + topicId + "."),
                () -> queries.timeline(topicId, afterSequence, pageSize));
    }
}
