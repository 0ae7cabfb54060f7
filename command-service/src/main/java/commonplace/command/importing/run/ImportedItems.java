package commonplace.command.importing.run;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The {@code imported_item} table: every item imports recorded, once, by (source, kind, source id), with a keyed digest
 * of its text and whether it is retracted, so that a later import of the same site passes over what it already has
 * without loading its topic, and topics keep the ids they were given. An index only: the topic decides.
 */
@Repository
class ImportedItems {

    private static final int LOOKUP_CHUNK = 1000;

    /** What was recorded for a source comment; {@code bodyHash} null once its author was erased. */
    record Known(String bodyHash, boolean retracted) {
    }

    /** A comment an import recorded (or found recorded). */
    record Recorded(String sourceId, String commentId, String body, String authorId, boolean retracted) {
    }

    private final JdbcTemplate jdbc;
    /** A keyed MAC per thread: getting one is a provider lookup that costs more than the digest of a body. */
    private final ThreadLocal<Mac> digests;

    /**
     * The digest of a text is keyed by the import secret: without it, nobody holding this table can confirm a guess
     * of what someone wrote (the texts themselves are in the event store, sealed, and erasable).
     */
    ImportedItems(JdbcTemplate jdbc, @Value("${commonplace.import.secret}") String secret) {
        this.jdbc = jdbc;
        byte[] key = secret.isEmpty() ? new byte[32] : secret.getBytes(StandardCharsets.UTF_8);
        SecretKeySpec digestKey = new SecretKeySpec(key, "HmacSHA256");
        this.digests = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(digestKey);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every JVM has HmacSHA256", e);
            }
        });
    }

    /**
     * Recording {@code body} again, deleted or not, would change nothing of what {@code known} says was recorded. An
     * erased author's item (no digest) is always unchanged: their text is never recorded again.
     */
    boolean unchanged(Known known, String body, boolean deleted) {
        if (known.bodyHash() == null) {
            return true;
        }
        return known.bodyHash().equals(digest(body)) && (known.retracted() || !deleted);
    }

    /**
     * Whether any item of {@code source} was recorded: when none was (a site's first import), the recorder asks
     * nothing more of this table. That also spares the lookups PostgreSQL plans while the table has no statistics
     * yet, as a scan of every row recorded so far (tens of milliseconds each, a thousand times per 100,000 comments).
     */
    boolean anyRecorded(String source) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from imported_item where source = ?)",
                Boolean.class, source));
    }

    boolean topicRecorded(String source, String sourceId) {
        return !jdbc.queryForList("select 1 from imported_item where source = ? and kind = 'topic' and source_id = ?",
                Integer.class, source, sourceId).isEmpty();
    }

    /** The topic ids earlier imports of this source gave, by the page's source id. */
    Map<String, String> topicIds(String source) {
        Map<String, String> ids = new HashMap<>();
        jdbc.query("select source_id, topic_id from imported_item where source = ? and kind = 'topic'",
                rs -> {
                    ids.put(rs.getString(1), rs.getString(2));
                }, source);
        return ids;
    }

    Map<String, Known> comments(String source, List<String> sourceIds) {
        Map<String, Known> known = new HashMap<>();
        for (int from = 0; from < sourceIds.size(); from += LOOKUP_CHUNK) {
            String[] chunk = sourceIds.subList(from, Math.min(from + LOOKUP_CHUNK, sourceIds.size()))
                    .toArray(String[]::new);
            jdbc.query(connection -> {
                var statement = connection.prepareStatement("select source_id, body_hash, retracted from imported_item"
                        + " where source = ? and kind = 'comment' and source_id = any(?)");
                statement.setString(1, source);
                statement.setArray(2, connection.createArrayOf("text", chunk));
                return statement;
            }, rs -> {
                known.put(rs.getString(1), new Known(rs.getString(2), rs.getBoolean(3)));
            });
        }
        return known;
    }

    void recordTopic(String source, String sourceId, String topicId, String importId) {
        jdbc.update("insert into imported_item (source, kind, source_id, topic_id, import_id)"
                + " values (?, 'topic', ?, ?, ?) on conflict do nothing", source, sourceId, topicId, importId);
    }

    /**
     * One statement per call, the rows as one array per column: a batched multi-row insert binds a parameter per value,
     * and PostgreSQL parsed and planned those 8,000 parameters per thousand rows at a cost above the rows themselves.
     * The recorder gives each source id once per call (the upsert could not touch a row twice in one statement).
     */
    void recordComments(String source, String topicId, String importId, List<Recorded> recorded) {
        if (recorded.isEmpty()) {
            return;
        }
        int size = recorded.size();
        String[] sourceIds = new String[size];
        String[] commentIds = new String[size];
        String[] bodyHashes = new String[size];
        Boolean[] retracted = new Boolean[size];
        String[] authorIds = new String[size];
        for (int index = 0; index < size; index++) {
            Recorded item = recorded.get(index);
            sourceIds[index] = item.sourceId();
            commentIds[index] = item.commentId();
            bodyHashes[index] = digest(item.body());
            retracted[index] = item.retracted();
            authorIds[index] = item.authorId();
        }
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into imported_item (source, kind, source_id, topic_id,"
                    + " comment_id, body_hash, retracted, import_id, author_id)"
                    + " select ?, 'comment', item.source_id, ?, item.comment_id, item.body_hash, item.retracted, ?,"
                    + " item.author_id from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]),"
                    + " cast(? as boolean[]), cast(? as text[]))"
                    + " as item (source_id, comment_id, body_hash, retracted, author_id)"
                    + " on conflict (source, kind, source_id) do update set body_hash = excluded.body_hash,"
                    + " retracted = excluded.retracted, import_id = excluded.import_id, recorded_at = now(),"
                    + " author_id = excluded.author_id");
            statement.setString(1, source);
            statement.setString(2, topicId);
            statement.setString(3, importId);
            statement.setArray(4, connection.createArrayOf("text", sourceIds));
            statement.setArray(5, connection.createArrayOf("text", commentIds));
            statement.setArray(6, connection.createArrayOf("text", bodyHashes));
            statement.setArray(7, connection.createArrayOf("boolean", retracted));
            statement.setArray(8, connection.createArrayOf("text", authorIds));
            return statement;
        });
    }

    String digest(String body) {
        // doFinal leaves the MAC reset for the next body
        return HexFormat.of().formatHex(digests.get().doFinal(("body\n" + body).getBytes(StandardCharsets.UTF_8)));
    }
}
