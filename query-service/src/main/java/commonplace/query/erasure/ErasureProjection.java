package commonplace.query.erasure;

import commonplace.events.AuthorErased;
import commonplace.query.ingest.AppliedEvent;
import commonplace.query.ingest.Projection;
import commonplace.query.privacy.QueryKeys;
import commonplace.query.web.TopicPages;
import commonplace.web.privacy.ErasureVacuum;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/**
 * On an {@code AuthorErased}: the topic's read models forget the erased author. Their comments keep their places,
 * parents and counts, marked erased; their texts (every revision), display name, links (on any comment) and the
 * quotes of them in the timeline and the histories are removed. Once the batch commits, the topic's rendered pages
 * are purged, the erased keys and the topic's in-memory folds ({@link ErasedTopicCache}) are forgotten and waiting
 * {@code consistentWith} readers are told. It runs after the other projections of the batch, so nothing they wrote
 * for the author in the same batch is left behind.
 */
@Component
public class ErasureProjection implements Projection {

    private static final Logger log = LoggerFactory.getLogger(ErasureProjection.class);
    /** The tables {@link #scrub} overwrites rows of: vacuumed after the batch commits (old row versions keep text). */
    static final List<String> SCRUBBED_TABLES = List.of("comment_link", "comment_revision", "comment",
            "activity", "topic");
    private static final String AUTHORS_COMMENTS =
            "select comment_id from comment where topic_id = ? and author_id = ?";

    private final TopicPages pages;
    private final QueryKeys keys;
    private final ErasureProgress progress;
    private final List<ErasedTopicCache> caches;
    private final ErasureVacuum vacuum;

    @Autowired
    ErasureProjection(TopicPages pages, QueryKeys keys, ErasureProgress progress, List<ErasedTopicCache> caches,
                      DataSource dataSource) {
        this(pages, keys, progress, caches, new ErasureVacuum(dataSource, SCRUBBED_TABLES));
    }

    private ErasureProjection(TopicPages pages, QueryKeys keys, ErasureProgress progress,
                              List<ErasedTopicCache> caches, ErasureVacuum vacuum) {
        this.pages = pages;
        this.keys = keys;
        this.progress = progress;
        this.caches = List.copyOf(caches);
        this.vacuum = vacuum;
    }

    /** The scrub alone, for a replay outside the service (no page cache, no waiting readers, no vacuum). */
    public ErasureProjection(QueryKeys keys) {
        this(null, keys, null, List.of(), (ErasureVacuum) null);
    }

    @PreDestroy
    void close() {
        if (vacuum != null) {
            vacuum.close();
        }
    }

    @Override
    public String name() {
        return "erasures";
    }

    @Override
    public boolean appliesLast() {
        return true;
    }

    @Override
    public void apply(List<AppliedEvent> batch, JdbcTemplate tx) {
        List<AuthorErased> erasures = new ArrayList<>();
        for (AppliedEvent applied : batch) {
            if (applied.event() instanceof AuthorErased erased && erased.erasedAuthorId() != null) {
                scrub(tx, applied.topicId(), erased.erasedAuthorId());
                if (erased.erasureId() != null) {
                    tx.update("insert into erasure_applied (erasure_id, topic_id, erased_author_id, topic_count, "
                                    + "sequence) values (?, ?, ?, ?, ?) on conflict do nothing", erased.erasureId(),
                            applied.topicId(), erased.erasedAuthorId(), Math.max(1, erased.topicCount()),
                            applied.sequence());
                }
                erasures.add(erased);
                log.info("Topic {} #{}: an author's texts, name and links are scrubbed", applied.topicId(),
                        applied.sequence());
            }
        }
        if (!erasures.isEmpty()) {
            afterCommit(() -> erasures.forEach(erased -> {
                keys.forget(erased.erasedKeyIds());
                caches.forEach(cache -> cache.forgetTopic(erased.topicId()));
                if (pages != null) {
                    pages.forget(erased.topicId());
                }
                if (progress != null) {
                    progress.applied(erased.erasureId());
                }
            }));
            if (vacuum != null) {
                afterCommit(vacuum::afterErasure);
            }
        }
    }

    /** Removes what the author wrote and is called from the topic's read models; places and counts stay. */
    static void scrub(JdbcTemplate tx, String topicId, String authorId) {
        tx.update("delete from comment_link where comment_id in (select comment_id from comment where topic_id = ?) "
                + "and (author_id = ? or comment_id in (" + AUTHORS_COMMENTS + "))", topicId, authorId, topicId,
                authorId);
        tx.update("update comment_revision set body = null, body_withheld = 'erased' where comment_id in ("
                + AUTHORS_COMMENTS + ")", topicId, authorId);
        tx.update("update comment set body = null, body_withheld = 'erased', author_name = author_id, "
                + "author_erased = true where topic_id = ? and author_id = ?", topicId, authorId);
        tx.update("update activity set author_name = author_id, summary = case "
                + "when summary_if_retracted is not null then summary_if_retracted "
                + "when type = 'LinkShared' then 'shared a link' else summary end, summary_if_retracted = null "
                + "where topic_id = ? and author_id = ?", topicId, authorId);
        tx.update("update topic set opened_by_name = opened_by_id where topic_id = ? and opened_by_id = ?", topicId,
                authorId);
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
