package commonplace.query.thread;

import commonplace.query.ingest.Sql;
import commonplace.query.thread.CommentViews.CommentDetail;
import commonplace.query.thread.CommentViews.LinkView;
import commonplace.query.thread.CommentViews.RevisionView;
import commonplace.query.thread.CommentViews.ThreadComment;
import commonplace.query.web.Author;
import commonplace.query.web.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads threads with a fixed number of queries per page: the page of roots with all their descendants, then all
 * their links (an index-only read of {@code comment_link_in_order}). Never one query per comment.
 */
@Component
class ThreadQueries {

    /** Which way root comments are listed; replies are always oldest first. */
    enum Sort { OLDEST, NEWEST }

    /**
     * One page of the thread in one statement: the page's roots plus one (whether more follow), and every descendant
     * of the page's roots, each root before its descendants.
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

    /**
     * The page of root comments after {@code after} (null for the first page) in {@code sort} order, replies nested
     * down to {@code displayDepth}.
     */
    Page<ThreadComment> roots(String topicId, Sort sort, ThreadCursor after, int limit, int displayDepth) {
        long afterSequence = after != null ? after.afterSequence() : sort == Sort.OLDEST ? 0 : Long.MAX_VALUE;
        // the extra root only tells whether more follow: its replies are not read
        Page<ThreadTree> page = Page.fetch(limit, count -> trees(jdbc.query(
                        sort == Sort.OLDEST ? OLDEST_ROOTS_WITH_REPLIES : NEWEST_ROOTS_WITH_REPLIES,
                        CommentRow.MAPPER, topicId, afterSequence, count, count - 1)),
                tree -> cursorAfter(tree, sort));
        Map<String, List<LinkView>> links = links(page.items().stream()
                .flatMap(tree -> tree.commentIds().stream()).toArray(String[]::new));
        return page.map(tree -> tree.render(links, displayDepth));
    }

    /** The cursor of the page after the one that ends with {@code tree}'s root. */
    static String cursorAfter(ThreadTree tree, Sort sort) {
        return new ThreadCursor(tree.root().topicId, sort, tree.root().sequence).encode();
    }

    /** Rows of roots and their descendants, in root order, as one tree per root. */
    private static List<ThreadTree> trees(List<CommentRow> rows) {
        Map<String, List<CommentRow>> descendants = new LinkedHashMap<>();
        List<CommentRow> roots = new ArrayList<>();
        for (CommentRow row : rows) {
            if (row.parentId == null) {
                roots.add(row);
            } else {
                descendants.computeIfAbsent(row.rootId, id -> new ArrayList<>()).add(row);
            }
        }
        return roots.stream()
                .map(root -> new ThreadTree(root, descendants.getOrDefault(root.commentId, List.of()))).toList();
    }

    Optional<CommentDetail> comment(String commentId) {
        List<CommentRow> found = jdbc.query("select " + CommentRow.COLUMNS + " from comment where comment_id = ?",
                CommentRow.MAPPER, commentId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CommentRow comment = found.get(0);
        List<RevisionView> revisions = comment.revision == 1 ? List.of(originalRevision(comment)) : jdbc.query(
                "select revision, body, body_withheld, at from comment_revision where comment_id = ? order by revision",
                (row, index) -> new RevisionView(row.getInt("revision"), comment.retracted ? null : row.getString("body"),
                        row.getString("body_withheld") != null ? row.getString("body_withheld")
                                : comment.retracted ? "retracted" : null, Sql.instant(row, "at")),
                commentId);
        List<LinkView> links = links(new String[]{commentId}).getOrDefault(commentId, List.of());
        return Optional.of(new CommentDetail(comment.commentId, comment.topicId, comment.parentId, comment.depth,
                new Author(comment.authorId, comment.authorName), comment.retracted ? null : comment.body,
                ThreadTree.withheld(comment, false), comment.createdAt, comment.editedAt,
                comment.revision, comment.retracted, links, comment.replyCount, revisions));
    }

    /** An unedited comment's one revision, which its row holds (revisions are stored from the first edit on). */
    private static RevisionView originalRevision(CommentRow comment) {
        return new RevisionView(1, comment.retracted ? null : comment.body, ThreadTree.withheld(comment, false),
                comment.createdAt);
    }

    /** The links of these comments, in the order of {@code comment_link_in_order}: per comment, as shared. */
    private Map<String, List<LinkView>> links(String[] commentIds) {
        Map<String, List<LinkView>> links = new HashMap<>();
        if (commentIds.length == 0) {
            return links;
        }
        jdbc.query("select comment_id, url, normalized_url, domain from comment_link where comment_id = any(?) "
                        + "order by comment_id, sequence, share_id",
                row -> {
                    links.computeIfAbsent(row.getString("comment_id"), id -> new ArrayList<>()).add(new LinkView(
                            row.getString("url"), row.getString("normalized_url"), row.getString("domain")));
                }, (Object) commentIds);
        return links;
    }
}
