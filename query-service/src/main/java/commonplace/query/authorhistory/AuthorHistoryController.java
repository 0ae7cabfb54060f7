package commonplace.query.authorhistory;

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

/**
 * {@code GET /api/v1/authors/{authorId}/history}: everything an author did, newest first. An author with no activity
 * at all is 404.
 */
@RestController
@Tag(name = "authors", description = "What an author did, newest first")
class AuthorHistoryController {

    private final AuthorHistoryQueries queries;

    AuthorHistoryController(AuthorHistoryQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "Everything an author did, newest first")
    @ProblemAnswers(ProblemType.NOT_FOUND)
    @GetMapping("/api/v1/authors/{authorId}/history")
    Page<HistoryItem> history(@PathVariable String authorId, @RequestParam(required = false) String cursor,
                              @RequestParam(required = false) String limit) {
        Ids.authorId(authorId);
        int pageSize = Limits.parse(limit);
        HistoryCursor after = cursor == null ? null : HistoryCursor.decode(cursor, authorId);
        Page<HistoryItem> page = queries.history(authorId, after, pageSize);
        if (after == null && page.items().isEmpty()) {
            throw ApiProblem.notFound("No activity of author " + authorId + ".");
        }
        return page;
    }
}
