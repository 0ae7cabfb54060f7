package commonplace.query.topics;

import commonplace.query.web.ApiProblem;
import commonplace.query.web.Ids;
import commonplace.query.web.Limits;
import commonplace.query.web.Page;
import commonplace.web.openapi.ProblemAnswers;
import commonplace.web.problem.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Topic summaries: the list (most recently active first) and one topic. */
@RestController
@Tag(name = "topics", description = "The topics and their summaries")
class TopicController {

    private final TopicQueries queries;

    TopicController(TopicQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "Topics, most recently active first")
    @GetMapping("/api/v1/topics")
    Page<TopicSummary> topics(@RequestParam(required = false) String cursor,
                              @RequestParam(required = false) String limit) {
        int pageSize = Limits.parse(limit);
        TopicsCursor after = cursor == null ? null : TopicsCursor.decode(cursor);
        return queries.mostRecentlyActive(after, pageSize);
    }

    @Operation(summary = "One topic's summary")
    @ProblemAnswers(ProblemType.NOT_FOUND)
    @GetMapping("/api/v1/topics/{topicId}")
    TopicSummary topic(@PathVariable String topicId) {
        Ids.topicId(topicId);
        return queries.topic(topicId).orElseThrow(() -> ApiProblem.notFound("No topic " + topicId + "."));
    }
}
