package commonplace.query.thread;

import commonplace.query.thread.CommentViews.CommentDetail;
import commonplace.query.thread.CommentViews.ThreadComment;
import commonplace.query.thread.ThreadQueries.RootPage;
import commonplace.query.thread.ThreadQueries.Sort;
import commonplace.query.topics.KnownTopics;
import commonplace.query.web.ApiProblem;
import commonplace.query.web.Cursor;
import commonplace.query.web.Ids;
import commonplace.query.web.Limits;
import commonplace.query.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

/** The comment tree of a topic, paged by root comments, and single comments with their edit history. */
@RestController
class ThreadController {

    private static final String CURSOR_KIND = "thread";

    private final ThreadQueries queries;
    private final KnownTopics topics;

    ThreadController(ThreadQueries queries, KnownTopics topics) {
        this.queries = queries;
        this.topics = topics;
    }

    @GetMapping("/api/v1/topics/{topicId}/thread")
    Page<ThreadComment> thread(@PathVariable String topicId, @RequestParam(required = false) String sort,
                               @RequestParam(required = false) String limit,
                               @RequestParam(required = false) String cursor,
                               @RequestParam(required = false) String asOf) {
        Ids.topicId(topicId);
        if (asOf != null) {
            // time travel comes with its own issue (folding event_log up to the instant); until then say so plainly
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "not-supported-yet", "Not supported yet",
                    "asOf is not available yet.", List.of(new ApiProblem.FieldProblem("asOf", "is not available yet")));
        }
        Sort order = sort(sort);
        int pageSize = Limits.parse(limit);
        Long after = null;
        if (cursor != null) {
            Cursor decoded = Cursor.decode(cursor, CURSOR_KIND, 3);
            if (!decoded.text(0).equals(topicId) || !decoded.text(1).equals(order.name())) {
                throw ApiProblem.invalid("cursor", "belongs to another topic or sort order");
            }
            after = decoded.number(2);
        }
        topics.require(topicId);
        RootPage page = queries.roots(topicId, order, after, pageSize);
        String next = page.more() ? Cursor.encode(CURSOR_KIND, topicId, order.name(), page.lastSequence()) : null;
        return new Page<>(page.roots(), next);
    }

    @GetMapping("/api/v1/comments/{commentId}")
    CommentDetail comment(@PathVariable String commentId) {
        Ids.commentId(commentId);
        return queries.comment(commentId).orElseThrow(() -> ApiProblem.notFound("No comment " + commentId + "."));
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
