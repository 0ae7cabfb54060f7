package commonplace.query.thread;

import commonplace.query.ingest.Sql;
import org.springframework.jdbc.core.RowMapper;

import java.time.Instant;

/**
 * One row of the comment table, mutable while a batch is folded into it. {@code path} holds the zero-padded sequences
 * of the comment's ancestors from the root down to depth {@value #PATH_LEVELS}, then its own, separated by dots:
 * ordering by it is depth first down to that depth and by sequence below it. Bounded, so that a reply chain of any
 * length stores a path of at most 679 characters per comment instead of one that grows with the depth (a quadratic
 * total). Answers do not depend on it: {@link ThreadTree} orders them from parent ids.
 */
final class CommentRow {

    /** The deepest ancestor a path names (see V4__bounded_comment_paths.sql, which holds the same figure). */
    static final int PATH_LEVELS = 32;

    static final String COLUMNS = "comment_id, topic_id, parent_id, root_id, path, depth, sequence, author_id, "
            + "author_name, body, body_withheld, created_at, edited_at, revision, retracted, reply_count";

    static final RowMapper<CommentRow> MAPPER = (row, index) -> {
        CommentRow comment = new CommentRow(row.getString("comment_id"), row.getString("topic_id"),
                row.getString("parent_id"), row.getString("root_id"), row.getString("path"), row.getInt("depth"),
                row.getLong("sequence"), row.getString("author_id"), row.getString("author_name"),
                Sql.instant(row, "created_at"));
        comment.body = row.getString("body");
        comment.bodyWithheld = row.getString("body_withheld");
        comment.editedAt = Sql.instant(row, "edited_at");
        comment.revision = row.getInt("revision");
        comment.retracted = row.getBoolean("retracted");
        comment.replyCount = row.getInt("reply_count");
        return comment;
    };

    final String commentId;
    final String topicId;
    final String parentId;
    final String rootId;
    final String path;
    final int depth;
    final long sequence;
    final String authorId;
    final String authorName;
    final Instant createdAt;
    String body;
    /** Why the body is not here ({@code erased}, {@code unreadable}), or null: a retraction says so by itself. */
    String bodyWithheld;
    Instant editedAt;
    int revision = 1;
    boolean retracted;
    int replyCount;

    CommentRow(String commentId, String topicId, String parentId, String rootId, String path, int depth,
               long sequence, String authorId, String authorName, Instant createdAt) {
        this.commentId = commentId;
        this.topicId = topicId;
        this.parentId = parentId;
        this.rootId = rootId;
        this.path = path;
        this.depth = depth;
        this.sequence = sequence;
        this.authorId = authorId;
        this.authorName = authorName;
        this.createdAt = createdAt;
    }

    /** The path of a root comment. */
    static String rootPath(long sequence) {
        return pathSegment(sequence);
    }

    /** The path of a reply with this sequence to {@code parent}: under the parent, or beside it below the bound. */
    static String replyPath(CommentRow parent, long sequence) {
        String ancestors = parent.depth <= PATH_LEVELS ? parent.path
                : parent.path.substring(0, parent.path.lastIndexOf('.'));
        return ancestors + "." + pathSegment(sequence);
    }

    private static String pathSegment(long sequence) {
        // what String.format("%019d") gives, without parsing a format for every comment
        String digits = Long.toString(sequence);
        return "0".repeat(Math.max(0, 19 - digits.length())) + digits;
    }
}
