package commonplace.query.atom;

import commonplace.query.ingest.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the feeds list: the comments most recently posted, edited or retracted, each once with the time of its latest
 * change, read from the activity tables' keyset order (a bounded window of recent changes) and then the comments
 * themselves. A retracted comment stays in the feed without its text, so a reader that kept it learns to drop it.
 */
@Component
class FeedQueries {

    static final int ENTRIES = 50;
    /** Changes looked at to find the entries: edits of the same comment collapse into one entry. */
    private static final int WINDOW = 4 * ENTRIES;
    private static final String CHANGE_TYPES = "('CommentPosted', 'ReplyPosted', 'CommentEdited', 'CommentRetracted')";

    record FeedTopic(String topicId, String title, Instant updated) {
    }

    record FeedAuthor(String authorId, String name, Instant updated) {
    }

    /** One comment as an entry; {@code body} null when retracted or withheld (its writer erased, or unreadable). */
    record Entry(String commentId, String topicId, String authorName, String body, boolean retracted,
                 Instant published, Instant updated) {
    }

    private record Change(String topicId, String commentId, Instant at) {
    }

    private final JdbcTemplate jdbc;

    FeedQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<FeedTopic> topic(String topicId) {
        return jdbc.query("select topic_id, title, last_activity_at from topic where topic_id = ?",
                (row, index) -> new FeedTopic(row.getString("topic_id"), row.getString("title"),
                        Sql.instant(row, "last_activity_at")), topicId).stream().findFirst();
    }

    Optional<FeedAuthor> author(String authorId) {
        return jdbc.query("select author_id, author_name, occurred_at from activity where author_id = ? "
                        + "order by occurred_at desc, topic_id desc, sequence desc limit 1",
                (row, index) -> new FeedAuthor(row.getString("author_id"), row.getString("author_name"),
                        Sql.instant(row, "occurred_at")), authorId).stream().findFirst();
    }

    List<Entry> topicEntries(String topicId) {
        return entries(jdbc.query("select topic_id, comment_id, occurred_at from activity "
                        + "where topic_id = ? and type in " + CHANGE_TYPES + " order by sequence desc limit ?",
                (row, index) -> new Change(row.getString("topic_id"), row.getString("comment_id"),
                        Sql.instant(row, "occurred_at")), topicId, WINDOW));
    }

    /** The author's own comments; a moderator's retraction of one is the moderator's activity, not theirs. */
    List<Entry> authorEntries(String authorId) {
        return entries(jdbc.query("select topic_id, comment_id, occurred_at from activity "
                        + "where author_id = ? and type in " + CHANGE_TYPES
                        + " order by occurred_at desc, topic_id desc, sequence desc limit ?",
                (row, index) -> new Change(row.getString("topic_id"), row.getString("comment_id"),
                        Sql.instant(row, "occurred_at")), authorId, WINDOW));
    }

    private List<Entry> entries(List<Change> newestFirst) {
        Map<String, Change> latest = new LinkedHashMap<>();
        for (Change change : newestFirst) {
            if (change.commentId() != null && latest.size() < ENTRIES) {
                latest.putIfAbsent(change.commentId(), change);
            }
        }
        if (latest.isEmpty()) {
            return List.of();
        }
        Map<String, Entry> found = new HashMap<>();
        jdbc.query("select comment_id, topic_id, author_name, body, retracted, created_at from comment "
                + "where comment_id = any(?)", row -> {
            String commentId = row.getString("comment_id");
            boolean retracted = row.getBoolean("retracted");
            found.put(commentId, new Entry(commentId, row.getString("topic_id"), row.getString("author_name"),
                    retracted ? null : row.getString("body"), retracted, Sql.instant(row, "created_at"),
                    latest.get(commentId).at()));
        }, (Object) latest.keySet().toArray(String[]::new));
        List<Entry> entries = new ArrayList<>(found.size());
        latest.keySet().forEach(commentId -> {
            if (found.containsKey(commentId)) {
                entries.add(found.get(commentId));
            }
        });
        return entries;
    }
}
