package commonplace.query.live;

import commonplace.events.ConsistencyPosition;
import commonplace.query.ingest.Sql;
import commonplace.query.live.StreamItem.Comment;
import commonplace.query.live.StreamItem.Link;
import commonplace.query.web.Author;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what the stream sends from the read models: a topic's timeline entries after a sequence (the primary key's
 * order), with the current state of the comments they concern. Three statements per read, never one per event.
 */
@Component
class StreamQueries {

    private final JdbcTemplate jdbc;

    StreamQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The sequence up to which the topic is applied; null when the topic is unknown. */
    Long appliedSequence(String topicId) {
        return jdbc.query("select last_sequence from topic where topic_id = ?",
                row -> row.next() ? row.getLong(1) : null, topicId);
    }

    /** The events after {@code afterSequence} up to {@code untilSequence}, at most {@code limit}. */
    List<StreamItem> between(String topicId, long afterSequence, long untilSequence, int limit) {
        List<StreamItem> entries = jdbc.query("select sequence, type, occurred_at, comment_id, author_id, author_name, "
                        + "summary from activity where topic_id = ? and sequence > ? and sequence <= ? "
                        + "order by sequence limit ?",
                (row, index) -> new StreamItem(
                        new ConsistencyPosition(topicId, row.getLong("sequence")).encode(), row.getLong("sequence"),
                        row.getString("type"), Sql.instant(row, "occurred_at"), row.getString("comment_id"),
                        new Author(row.getString("author_id"), row.getString("author_name")),
                        row.getString("summary"), null),
                topicId, afterSequence, untilSequence, limit);
        Set<String> commentIds = new LinkedHashSet<>();
        entries.forEach(entry -> {
            if (entry.commentId() != null) {
                commentIds.add(entry.commentId());
            }
        });
        if (commentIds.isEmpty()) {
            return entries;
        }
        Map<String, Comment> comments = comments(commentIds.toArray(String[]::new));
        List<StreamItem> items = new ArrayList<>(entries.size());
        for (StreamItem entry : entries) {
            Comment comment = entry.commentId() == null ? null : comments.get(entry.commentId());
            items.add(comment == null ? entry : new StreamItem(entry.position(), entry.sequence(), entry.type(),
                    entry.at(), entry.commentId(), entry.author(), entry.summary(), comment));
        }
        return items;
    }

    private Map<String, Comment> comments(String[] commentIds) {
        Map<String, List<Link>> links = new HashMap<>();
        jdbc.query("select comment_id, url, normalized_url, domain from comment_link where comment_id = any(?) "
                + "order by comment_id, sequence, share_id", row -> {
            links.computeIfAbsent(row.getString("comment_id"), id -> new ArrayList<>())
                    .add(new Link(row.getString("url"), row.getString("normalized_url"), row.getString("domain")));
        }, (Object) commentIds);
        Map<String, Comment> comments = new HashMap<>();
        jdbc.query("select comment_id, parent_id, author_id, author_name, body, created_at, edited_at, revision, "
                + "retracted, reply_count from comment where comment_id = any(?)", row -> {
            String commentId = row.getString("comment_id");
            boolean retracted = row.getBoolean("retracted");
            comments.put(commentId, new Comment(commentId, row.getString("parent_id"),
                    new Author(row.getString("author_id"), row.getString("author_name")),
                    // the projection has dropped a retracted body already; never send one even if it had not
                    retracted ? null : row.getString("body"), Sql.instant(row, "created_at"),
                    Sql.instant(row, "edited_at"), row.getInt("revision"), retracted,
                    retracted ? List.of() : links.getOrDefault(commentId, List.of()), row.getInt("reply_count")));
        }, (Object) commentIds);
        return comments;
    }
}
