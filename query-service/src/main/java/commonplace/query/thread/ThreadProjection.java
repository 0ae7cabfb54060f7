package commonplace.query.thread;

import commonplace.events.CommentEdited;
import commonplace.events.CommentRetracted;
import commonplace.events.DiscussionEvent;
import commonplace.events.LinkShared;
import commonplace.events.ReplyPosted;
import commonplace.query.ingest.AppliedEvent;
import commonplace.query.ingest.Projection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Threads: the comment tree of each topic with current bodies, revisions and links. The comments a batch refers to
 * are loaded in one query, the batch is folded in memory, and the result is written with batched statements.
 */
@Component
public class ThreadProjection implements Projection {

    @Override
    public String name() {
        return "threads";
    }

    @Override
    public void apply(List<AppliedEvent> batch, JdbcTemplate tx) {
        ThreadBatch fold = new ThreadBatch(loadReferenced(batch, tx));
        batch.forEach(fold::apply);
        fold.write(tx);
    }

    /** The existing comments the batch replies to, edits, retracts or links to. */
    private static Map<String, CommentRow> loadReferenced(List<AppliedEvent> batch, JdbcTemplate tx) {
        Set<String> ids = new TreeSet<>();
        for (AppliedEvent applied : batch) {
            DiscussionEvent event = applied.event();
            if (event instanceof ReplyPosted reply) {
                ids.add(reply.parentId());
            } else if (event instanceof CommentEdited edited) {
                ids.add(edited.commentId());
            } else if (event instanceof CommentRetracted retracted) {
                ids.add(retracted.commentId());
            } else if (event instanceof LinkShared link && link.commentId() != null) {
                ids.add(link.commentId());
            }
        }
        if (ids.isEmpty()) {
            return Map.of();
        }
        return tx.query("select " + CommentRow.COLUMNS + " from comment where comment_id = any(?)",
                        CommentRow.MAPPER, (Object) ids.toArray(String[]::new))
                .stream().collect(Collectors.toMap(row -> row.commentId, Function.identity()));
    }
}
