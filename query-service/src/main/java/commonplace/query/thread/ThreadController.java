package commonplace.query.thread;

import commonplace.query.thread.CommentViews.CommentDetail;
import commonplace.query.thread.CommentViews.ThreadComment;
import commonplace.query.thread.ThreadQueries.Sort;
import commonplace.query.web.AdminOption;
import commonplace.query.web.ApiProblem;
import commonplace.query.web.Ids;
import commonplace.query.web.Limits;
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

import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The comment tree of a topic, paged by root comments, now or as of an instant ({@code asOf}), answered through
 * {@link TopicPages} (ETag, 304, rendered-page cache); and single comments with their edit history.
 */
@RestController
@Tag(name = "threads", description = "Comment trees and single comments")
class ThreadController {

    /** What a page of the thread is (answered pre-rendered, so described here): root comments with their replies. */
    record ThreadPage(List<ThreadComment> items, String nextCursor) {
    }

    private final ThreadQueries queries;
    private final ThreadAsOf asOfQueries;
    private final TopicPages pages;
    private final int displayDepth;

    ThreadController(ThreadQueries queries, ThreadAsOf asOfQueries, TopicPages pages, ThreadSettings settings) {
        this.queries = queries;
        this.asOfQueries = asOfQueries;
        this.pages = pages;
        this.displayDepth = settings.displayDepth();
    }

    @Operation(summary = "A topic's comment tree, paged by root comments, now or as of an instant (asOf)")
    @ApiResponse(responseCode = "200", description = "a page of root comments, each with its replies",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ThreadPage.class)))
    @ConditionalRead
    @ProblemAnswers(ProblemType.NOT_FOUND)
    @GetMapping("/api/v1/topics/{topicId}/thread")
    ResponseEntity<byte[]> thread(@PathVariable String topicId, @RequestParam(required = false) String sort,
                                  @RequestParam(required = false) String limit,
                                  @RequestParam(required = false) String cursor,
                                  @RequestParam(required = false) String asOf,
                                  @RequestParam(name = AdminOption.INCLUDE_RETRACTED, required = false)
                                  String includeRetracted, WebRequest request) {
        Ids.topicId(topicId);
        boolean retractedToo = AdminOption.includeRetracted(includeRetracted);
        if (retractedToo && asOf == null) {
            throw ApiProblem.invalid(AdminOption.INCLUDE_RETRACTED, "is taken with asOf only: the thread itself "
                    + "holds no retracted text");
        }
        Sort order = sort(sort);
        int pageSize = Limits.parse(limit);
        Instant instant = asOf == null ? null : instant(asOf);
        ThreadCursor after = cursor == null ? null : ThreadCursor.decode(cursor, topicId, order);
        // the display depth too: a restart with another one must not confirm pages of the old shape
        String pageKey = String.join(" ", "thread", order.name(), String.valueOf(pageSize),
                after == null ? "first" : String.valueOf(after.afterSequence()), String.valueOf(instant),
                "depth " + displayDepth, retractedToo ? "with retracted" : "public");
        if (instant == null) {
            return pages.answer(request, topicId, pageKey, () -> ApiProblem.notFound("No topic " + topicId + "."),
                    () -> queries.roots(topicId, order, after, pageSize, displayDepth));
        }
        Supplier<ApiProblem> noEventsThen = () ->
                ApiProblem.notFound("Topic " + topicId + " had no events at " + instant + ".");
        return pages.answer(request, topicId, pageKey, noEventsThen,
                () -> asOfQueries.roots(topicId, instant, order, after, pageSize, displayDepth, retractedToo)
                        .orElseThrow(noEventsThen));
    }

    @Operation(summary = "One comment with its edit history")
    @ProblemAnswers(ProblemType.NOT_FOUND)
    @GetMapping("/api/v1/comments/{commentId}")
    CommentDetail comment(@PathVariable String commentId) {
        Ids.commentId(commentId);
        return queries.comment(commentId).orElseThrow(() -> ApiProblem.notFound("No comment " + commentId + "."));
    }

    /**
     * An ISO-8601 instant: {@code 2026-11-25T04:05:06.123Z}, or with an offset such as {@code +01:00}. Cut to the
     * microseconds events carry, so instants that name the same state share one page and one entity tag.
     */
    private static Instant instant(String asOf) {
        try {
            return Instant.parse(asOf.strip()).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeException e) {
            throw ApiProblem.invalid("asOf", "must be an ISO-8601 instant such as 2026-11-25T04:05:06.123Z");
        }
    }

    private static Sort sort(String sort) {
        if (sort == null) {
            return Sort.OLDEST;
        }
        return switch (sort.toLowerCase(Locale.ROOT)) {
            case "oldest" -> Sort.OLDEST;
            case "newest" -> Sort.NEWEST;
            default -> throw ApiProblem.invalid("sort", "must be oldest or newest");
        };
    }
}
