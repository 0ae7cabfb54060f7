package commonplace.query.thread;

import commonplace.query.web.Author;

import java.time.Instant;
import java.util.List;

/** The shapes comments are answered in. */
final class CommentViews {

    private CommentViews() {
    }

    record LinkView(String url, String normalizedUrl, String domain) {
    }

    /**
     * A comment in a thread: replies nested, oldest first, down to the display depth and listed flat below it
     * ({@link ThreadTree}); {@code depth} is its true depth (a root is 0). A retracted one keeps its place without its
     * body. {@code withheld} says why a body is not shown: {@code retracted}, {@code erased} (its writer was erased) or
     * {@code unreadable}; null when it is.
     */
    record ThreadComment(String commentId, String parentId, int depth, Author author, String body, String withheld,
                         Instant createdAt,
                         Instant editedAt, int revision, boolean retracted, List<LinkView> links, int replyCount,
                         List<ThreadComment> replies) {
    }

    record RevisionView(int revision, String body, String withheld, Instant at) {
    }

    /** One comment on its own: no replies (their number only), with its topic and full edit history. */
    record CommentDetail(String commentId, String topicId, String parentId, int depth, Author author, String body,
                         String withheld, Instant createdAt, Instant editedAt, int revision, boolean retracted, List<LinkView> links,
                         int replyCount, List<RevisionView> revisions) {
    }
}
