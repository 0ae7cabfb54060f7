package commonplace.command.directory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Answers which topic a comment belongs to: the /comments/{commentId} routes need it to address the aggregate. */
@Component
public class CommentDirectory {

    private final JdbcTemplate jdbc;

    CommentDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records imported comments, many in one statement batch, in the caller's transaction (the import's, with the
     * events that create them): the projection leaves imported events to this, as one insert per event would cost
     * an import most of its time.
     */
    public void recordImported(String topicId, List<String> commentIds) {
        jdbc.batchUpdate("insert into comment_directory (comment_id, topic_id) values (?, ?) on conflict do nothing",
                commentIds, 1000, (statement, commentId) -> {
                    statement.setString(1, commentId);
                    statement.setString(2, topicId);
                });
    }

    public Optional<String> topicOf(String commentId) {
        return jdbc.query("select topic_id from comment_directory where comment_id = ?",
                (row, n) -> row.getString(1), commentId).stream().findFirst();
    }
}
