package commonplace.query.thread;

import commonplace.query.ingest.Sql;
import commonplace.query.thread.CommentViews.CommentDetail;
import commonplace.query.thread.CommentViews.LinkView;
import commonplace.query.thread.CommentViews.RevisionView;
import commonplace.query.thread.CommentViews.ThreadComment;
import commonplace.query.web.Author;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads threads with a fixed number of queries per page: the page of roots with all their descendants, then all
 * their links (an index-only read of {@code comment_link_in_order}). Never one query per comment.
 */
@Component
class ThreadQueries {

    /** Which way root comments are listed; replies are always oldest first. */
    enum Sort { OLDEST, NEWEST }

    /** A page of root comments and whether more roots follow. */
    record RootPage(List<ThreadComment> roots, long lastSequence, boolean more) {
    }

    /**
     * One page of the thread in one statement: the page's roots plus one (whether more follow), and every descendant
     * of the page's roots; each root followed by its descendants in path order.
     */
    private static final String ROOTS_WITH_REPLIES = """
            with page as (
                select comment_id, sequence, row_number() over (order by sequence %2$s) as rank
                from comment
                where topic_id = ? and parent_id is null and sequence %1$s ?
                order by sequence %2$s
                limit ?)
            select c.*
            from page cross join lateral (
                select %3$s from comment where comment_id = page.comment_id
                union all
                select %3$s from comment
                where root_id = page.comment_id and parent_id is not null and page.rank <= ?) c
            order by page.sequence %2$s, c.path""";
    private static final String OLDEST_ROOTS_WITH_REPLIES = ROOTS_WITH_REPLIES.formatted(">", "asc", CommentRow.COLUMNS);
    private static final String NEWEST_ROOTS_WITH_REPLIES = ROOTS_WITH_REPLIES.formatted("<", "desc", CommentRow.COLUMNS);

    private final JdbcTemplate jdbc;

    ThreadQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Roots after {@code afterSequence} (exclusive; null for the first page) in {@code sort} order. */
    RootPage roots(String topicId, Sort sort, Long afterSequence, int limit) {
        long after = afterSequence != null ? afterSequence : sort == Sort.OLDEST ? 0 : Long.MAX_VALUE;
        List<CommentRow> rows = jdbc.query(sort == Sort.OLDEST ? OLDEST_ROOTS_WITH_REPLIES : NEWEST_ROOTS_WITH_REPLIES,
                CommentRow.MAPPER, topicId, after, limit + 1, limit);
        List<CommentRow> roots = new ArrayList<>(limit + 1);
        List<CommentRow> descendants = new ArrayList<>();
        for (CommentRow row : rows) {
            (row.parentId == null ? roots : descendants).add(row);
        }
        boolean more = roots.size() > limit;
        List<CommentRow> page = roots.subList(0, Math.min(limit, roots.size()));
        if (page.isEmpty()) {
            return new RootPage(List.of(), 0, false);
        }
        String[] shown = Stream.concat(page.stream(), descendants.stream())
                .map(comment -> comment.commentId).toArray(String[]::new);
        return assemble(page, descendants, links(shown), more);
    }

    /**
     * Nests a page of roots and their descendants (in path order) into the answer shape.
     *
     * @param more whether roots follow this page
     */
    static RootPage assemble(List<CommentRow> page, List<CommentRow> descendants, Map<String, List<LinkView>> links,
                             boolean more) {
        if (page.isEmpty()) {
            return new RootPage(List.of(), 0, false);
        }
        Map<String, ThreadComment> built = new HashMap<>();
        List<ThreadComment> answer = new ArrayList<>(page.size());
        for (CommentRow root : page) {
            ThreadComment view = threadView(root, links);
            built.put(root.commentId, view);
            answer.add(view);
        }
        // path order puts every parent before its replies, and replies oldest first
        for (CommentRow reply : descendants) {
            ThreadComment parent = built.get(reply.parentId);
            if (parent != null) {
                ThreadComment view = threadView(reply, links);
                built.put(reply.commentId, view);
                parent.replies().add(view);
            }
        }
        return new RootPage(answer, page.get(page.size() - 1).sequence, more);
    }

    Optional<CommentDetail> comment(String commentId) {
        List<CommentRow> found = jdbc.query("select " + CommentRow.COLUMNS + " from comment where comment_id = ?",
                CommentRow.MAPPER, commentId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CommentRow comment = found.get(0);
        List<RevisionView> revisions = jdbc.query(
                "select revision, body, at from comment_revision where comment_id = ? order by revision",
                (row, index) -> new RevisionView(row.getInt("revision"), row.getString("body"), Sql.instant(row, "at")),
                commentId);
        List<LinkView> links = links(new String[]{commentId}).getOrDefault(commentId, List.of());
        return Optional.of(new CommentDetail(comment.commentId, comment.topicId, comment.parentId,
                new Author(comment.authorId, comment.authorName), comment.body, comment.createdAt, comment.editedAt,
                comment.revision, comment.retracted, links, comment.replyCount, revisions));
    }

    /** The links of these comments, in the order of {@code comment_link_in_order}: per comment, as shared. */
    private Map<String, List<LinkView>> links(String[] commentIds) {
        Map<String, List<LinkView>> links = new HashMap<>();
        jdbc.query("select comment_id, url, normalized_url, domain from comment_link where comment_id = any(?) "
                        + "order by comment_id, sequence, share_id",
                row -> {
                    links.computeIfAbsent(row.getString("comment_id"), id -> new ArrayList<>()).add(new LinkView(
                            row.getString("url"), row.getString("normalized_url"), row.getString("domain")));
                }, (Object) commentIds);
        return links;
    }

    private static ThreadComment threadView(CommentRow comment, Map<String, List<LinkView>> links) {
        return new ThreadComment(comment.commentId, comment.parentId, new Author(comment.authorId, comment.authorName),
                comment.body, comment.createdAt, comment.editedAt, comment.revision, comment.retracted,
                links.getOrDefault(comment.commentId, List.of()), comment.replyCount, new ArrayList<>());
    }
}
