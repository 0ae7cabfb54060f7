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
     * Records imported comments in the caller's transaction (the import's, with the
     * events that create them): the projection leaves imported events to this, as one insert per event would cost
     * an import most of its time. One statement, the ids as one array: a batch binds a parameter per value, which
     * PostgreSQL parsed at a cost above the rows themselves.
     */
    public void recordImported(String topicId, List<String> commentIds) {
        if (commentIds.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into comment_directory (comment_id, topic_id)"
                    + " select comment_id, ? from unnest(cast(? as text[])) as ids (comment_id) on conflict do nothing");
            statement.setString(1, topicId);
            statement.setArray(2, connection.createArrayOf("text", commentIds.toArray(String[]::new)));
            return statement;
        });
    }

    public Optional<String> topicOf(String commentId) {
        return jdbc.query("select topic_id from comment_directory where comment_id = ?",
                (row, n) -> row.getString(1), commentId).stream().findFirst();
    }
}
