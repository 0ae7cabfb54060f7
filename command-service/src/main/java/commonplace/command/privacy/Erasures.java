package commonplace.command.privacy;

import commonplace.events.privacy.ErasurePosition;
import commonplace.web.privacy.ErasureVacuum;
import org.axonframework.common.caching.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;

/**
 * Erasing an author: in one transaction their data keys are destroyed, the erasure is recorded with the topics their
 * keys sealed events in (the background {@link ErasureRecorder} tells each of those topics), and their idempotency
 * records are deleted (fingerprints are digests of what they sent), and every {@link ErasureScrub} clears its copies
 * (the import tables). Erasures of one author are serialised, so a
 * repeated or concurrent one finds nothing left to destroy and answers with the erasure that did. After the commit,
 * this instance's key cache and the affected topics' cached aggregates are dropped, and the tables are vacuumed so
 * that no old row version keeps the destroyed key ({@link ErasureVacuum}).
 */
final class Erasures {

    private static final Logger log = LoggerFactory.getLogger(Erasures.class);

    /** What an erasure answers; {@code topicCount} 0 when the author's keys had sealed nothing anywhere. */
    record Erasure(String erasureId, int topicCount) {

        /** The erasure's opaque position, or null when it spans no topic (nothing was recorded anywhere). */
        String position() {
            return topicCount == 0 ? null : new ErasurePosition(erasureId, topicCount).encode();
        }
    }

    private final JdbcTemplate jdbc;
    private final DataKeyStore store;
    private final CachedDataKeys keys;
    private final Cache topicCache;
    private final TransactionTemplate transaction;
    private final ErasureRecorder recorder;
    private final List<ErasureScrub> scrubs;
    private final ErasureVacuum vacuum;

    Erasures(JdbcTemplate jdbc, DataKeyStore store, CachedDataKeys keys, Cache topicCache,
             PlatformTransactionManager transactions, ErasureRecorder recorder, List<ErasureScrub> scrubs,
             ErasureVacuum vacuum) {
        this.jdbc = jdbc;
        this.store = store;
        this.keys = keys;
        this.topicCache = topicCache;
        this.transaction = new TransactionTemplate(transactions);
        this.recorder = recorder;
        this.scrubs = List.copyOf(scrubs);
        this.vacuum = vacuum;
    }

    /** The tables an erasure overwrites rows of, whose old versions must be vacuumed away. */
    static List<String> tablesOf(List<ErasureScrub> scrubs) {
        List<String> tables = new java.util.ArrayList<>(List.of("data_key", "idempotency_record"));
        scrubs.forEach(scrub -> tables.addAll(scrub.tables()));
        return tables;
    }

    /**
     * Erases {@code authorId} at the request of {@code requestedBy} (the author or an admin).
     *
     * @throws UnknownAuthorException    when the author never had a key, events or an erasure here
     * @throws PlaintextEventsException when the author has events stored before sealing (not erasable by a key)
     */
    Erasure erase(String authorId, String requestedBy) {
        Recorded recorded = transaction.execute(status -> eraseInTransaction(authorId, requestedBy));
        if (recorded.fresh()) {
            keys.forgetErased(authorId, recorded.keyIds());
            recorded.topics().forEach(topicCache::remove);
            log.info("Erasure {} destroyed {} data key(s) and is recorded in {} topic(s)",
                    recorded.erasure().erasureId(), recorded.keyIds().size(), recorded.topics().size());
            recorder.wake();
            vacuum.afterErasure();
        }
        return recorded.erasure();
    }

    private record Recorded(Erasure erasure, List<String> keyIds, List<String> topics, boolean fresh) {
    }

    private Recorded eraseInTransaction(String authorId, String requestedBy) {
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtextextended('erasure\n' || ?, 0))", Object.class,
                authorId);
        if (Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from plaintext_participation where author_id = ?)", Boolean.class, authorId))) {
            throw new PlaintextEventsException();
        }
        List<String> keyIds = store.eraseInCallersTransaction(authorId);
        if (keyIds.isEmpty()) {
            return new Recorded(latest(authorId).orElseThrow(UnknownAuthorException::new), List.of(), List.of(),
                    false);
        }
        List<String> topics = jdbc.queryForList(
                "select distinct topic_id from key_participation where key_id = any(?::varchar[]) order by topic_id",
                String.class, (Object) keyIds.toArray(String[]::new));
        String erasureId = ErasurePosition.newErasureId();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into erasure (erasure_id, author_id, requested_by,"
                    + " key_ids, topic_count, completed_at) values (?, ?, ?, ?, ?, case when ? = 0 then now() end)");
            statement.setString(1, erasureId);
            statement.setString(2, authorId);
            statement.setString(3, requestedBy);
            statement.setArray(4, connection.createArrayOf("text", keyIds.toArray()));
            statement.setInt(5, topics.size());
            statement.setInt(6, topics.size());
            return statement;
        });
        jdbc.batchUpdate("insert into erasure_topic (erasure_id, topic_id) values (?, ?)",
                topics.stream().map(topic -> new Object[]{erasureId, topic}).toList());
        jdbc.update("delete from idempotency_record where author_id = ?", authorId);
        scrubs.forEach(scrub -> scrub.scrub(authorId));
        return new Recorded(new Erasure(erasureId, topics.size()), keyIds, topics, true);
    }

    private Optional<Erasure> latest(String authorId) {
        return jdbc.query("select erasure_id, topic_count from erasure where author_id = ?"
                        + " order by requested_at desc, erasure_id limit 1",
                (row, n) -> new Erasure(row.getString(1), row.getInt(2)), authorId).stream().findFirst();
    }

    /** No key, no event and no erasure of this author: nothing is known of them. */
    static final class UnknownAuthorException extends RuntimeException {

        UnknownAuthorException() {
            super("no author with this id wrote here", null, false, false);
        }
    }

    /** The author has events stored before sealing: destroying a key would not erase them. */
    static final class PlaintextEventsException extends RuntimeException {

        PlaintextEventsException() {
            super("this author has events stored before sealing existed; run the one-time re-encryption first",
                    null, false, false);
        }
    }
}
