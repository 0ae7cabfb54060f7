package commonplace.query.thread;

import commonplace.query.ingest.Sql;
import org.springframework.jdbc.core.RowMapper;

import java.time.Instant;

/**
 * One row of the comment table, mutable while a batch is folded into it.
 *
 * @param path zero-padded sequences from the root down, separated by dots: ordering by it is depth first
 */
final class CommentRow {

    static final String COLUMNS = "comment_id, topic_id, parent_id, root_id, path, depth, sequence, author_id, "
            + "author_name, body, created_at, edited_at, revision, retracted, reply_count";

    static final RowMapper<CommentRow> MAPPER = (row, index) -> {
        CommentRow comment = new CommentRow(row.getString("comment_id"), row.getString("topic_id"),
                row.getString("parent_id"), row.getString("root_id"), row.getString("path"), row.getInt("depth"),
                row.getLong("sequence"), row.getString("author_id"), row.getString("author_name"),
                Sql.instant(row, "created_at"));
        comment.body = row.getString("body");
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

    static String pathSegment(long sequence) {
        // what String.format("%019d") gives, without parsing a format for every comment
        String digits = Long.toString(sequence);
        return "0".repeat(Math.max(0, 19 - digits.length())) + digits;
    }
}
