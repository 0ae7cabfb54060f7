package commonplace.query.timeline;

import commonplace.query.web.ApiProblem;
import commonplace.query.web.Ids;
import commonplace.query.web.Limits;
import commonplace.query.web.Positions;
import commonplace.query.web.TopicPages;
import commonplace.web.openapi.ConditionalRead;
import commonplace.web.openapi.ProblemAnswers;
import commonplace.web.problem.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
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
@Tag(name = "timelines", description = "Every activity of a topic, oldest first")
class TimelineController {

    private final TimelineQueries queries;
    private final TopicPages pages;

    TimelineController(TimelineQueries queries, TopicPages pages) {
        this.queries = queries;
        this.pages = pages;
    }

    /** What a page of the timeline is (answered pre-rendered, so described here). */
    record TimelinePage(List<TimelineItem> items, String nextCursor) {
    }

    @Operation(summary = "Every activity of a topic, oldest first, from after a position on")
    @ApiResponse(responseCode = "200", description = "a page of activities",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TimelinePage.class)))
    @ConditionalRead
    @ProblemAnswers(ProblemType.NOT_FOUND)
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
