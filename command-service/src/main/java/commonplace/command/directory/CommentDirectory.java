package commonplace.command.directory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers which topic a comment belongs to: the /comments/{commentId} routes need it to address the aggregate. */
@Component
public class CommentDirectory {

    private final JdbcTemplate jdbc;

    CommentDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> topicOf(String commentId) {
        return jdbc.query("select topic_id from comment_directory where comment_id = ?",
                (row, n) -> row.getString(1), commentId).stream().findFirst();
    }
}
