package commonplace.query.topics;

import commonplace.events.CommentPosted;
import commonplace.events.CommentRetracted;
import commonplace.events.DiscussionEvent;
import commonplace.events.ReplyPosted;
import commonplace.events.TopicLocked;
import commonplace.events.TopicOpened;
import commonplace.events.TopicUnlocked;
import commonplace.query.ingest.AppliedEvent;
import commonplace.query.ingest.Projection;
import commonplace.query.ingest.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Topic summaries. A batch is folded into one change per topic (comment count delta, lock state, last activity),
 * written with two batched statements.
 */
@Component
public class TopicsProjection implements Projection {

    /** What a batch changes about one topic. */
    private static final class TopicChange {
        AppliedEvent opened;
        int commentDelta;
        Boolean locked;
        Instant lastActivityAt;
        long lastSequence;
    }

    @Override
    public String name() {
        return "topics";
    }

    @Override
    public void apply(List<AppliedEvent> batch, JdbcTemplate tx) {
        Map<String, TopicChange> changes = new LinkedHashMap<>();
        for (AppliedEvent applied : batch) {
            TopicChange change = changes.computeIfAbsent(applied.topicId(), id -> new TopicChange());
            DiscussionEvent event = applied.event();
            if (event instanceof TopicOpened) {
                change.opened = applied;
            } else if (event instanceof CommentPosted || event instanceof ReplyPosted) {
                change.commentDelta++;
            } else if (event instanceof CommentRetracted) {
                change.commentDelta--;
            } else if (event instanceof TopicLocked) {
                change.locked = true;
            } else if (event instanceof TopicUnlocked) {
                change.locked = false;
            }
            if (change.lastActivityAt == null || applied.occurredAt().isAfter(change.lastActivityAt)) {
                change.lastActivityAt = applied.occurredAt();
            }
            change.lastSequence = Math.max(change.lastSequence, applied.sequence());
        }
        writeOpenings(tx, changes);
        writeActivity(tx, changes);
    }

    private static void writeOpenings(JdbcTemplate tx, Map<String, TopicChange> changes) {
        List<Object[]> rows = new ArrayList<>();
        changes.forEach((topicId, change) -> {
            if (change.opened != null) {
                TopicOpened opened = (TopicOpened) change.opened.event();
                rows.add(new Object[]{topicId, opened.title(), opened.url(), opened.normalizedUrl(),
                        opened.description(), Sql.timestamp(change.opened.occurredAt()), opened.authorId(),
                        opened.authorName() == null ? opened.authorId() : opened.authorName(),
                        Sql.timestamp(change.opened.occurredAt()), change.opened.sequence()});
            }
        });
        if (rows.isEmpty()) {
            return;
        }
        tx.batchUpdate("""
                insert into topic (topic_id, title, url, normalized_url, description, opened_at, opened_by_id,
                                   opened_by_name, last_activity_at, last_sequence)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (topic_id) do update
                set title = excluded.title, url = excluded.url, normalized_url = excluded.normalized_url,
                    description = excluded.description, opened_at = excluded.opened_at,
                    opened_by_id = excluded.opened_by_id, opened_by_name = excluded.opened_by_name""", rows);
    }

    private static void writeActivity(JdbcTemplate tx, Map<String, TopicChange> changes) {
        List<Object[]> rows = new ArrayList<>();
        changes.forEach((topicId, change) -> rows.add(new Object[]{topicId, Math.max(change.commentDelta, 0),
                Sql.timestamp(change.lastActivityAt), change.lastSequence, change.locked, change.commentDelta,
                change.locked}));
        tx.batchUpdate("""
                insert into topic (topic_id, comment_count, last_activity_at, last_sequence, locked)
                values (?, ?, ?, ?, coalesce(cast(? as boolean), false))
                on conflict (topic_id) do update
                set comment_count = topic.comment_count + ?,
                    last_activity_at = greatest(topic.last_activity_at, excluded.last_activity_at),
                    last_sequence = greatest(topic.last_sequence, excluded.last_sequence),
                    locked = coalesce(cast(? as boolean), topic.locked)""", rows);
    }
}
