package commonplace.query.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import commonplace.query.web.Author;

import java.time.Instant;
import java.util.List;

/**
 * The data of one stream event: the event's timeline entry, and when it concerns a comment, that comment as a
 * thread shows it now (a retracted one without its body, as everywhere public).
 */
record StreamItem(String position, long sequence, String type, Instant at, String commentId, Author author,
                  String summary, @JsonInclude(JsonInclude.Include.NON_NULL) Comment comment) {

    record Link(String url, String normalizedUrl, String domain) {
    }

    /** A comment in the thread's shape, without its replies (they arrive as events of their own). */
    record Comment(String commentId, String parentId, Author author, String body, Instant createdAt,
                   Instant editedAt, int revision, boolean retracted, List<Link> links, int replyCount) {
    }
}
