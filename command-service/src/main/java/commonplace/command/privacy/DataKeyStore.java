package commonplace.command.privacy;

import commonplace.events.privacy.DataKey;
import commonplace.events.privacy.KeyEncryptionKey;
import commonplace.events.privacy.KeyLookup;
import commonplace.events.privacy.KeyUnwrapException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data keys in PostgreSQL, wrapped by the key-encryption key. Each author has at most one key in use; it is
 * made on first need, and an erasure destroys it (the row stays as a tombstone without material). Making and
 * destroying a key commit on their own, whatever transaction the caller is in: a key that sealed an event must exist
 * even if that command rolled back, and a destroyed key must stay destroyed. Unwrapping costs little but a round
 * trip: callers cache ({@link CachedDataKeys}).
 */
class DataKeyStore {

    private static final Logger log = LoggerFactory.getLogger(DataKeyStore.class);
    private static final String COLUMNS = "key_id, author_id, wrapped_key, kek_id, erased_at";

    private final JdbcTemplate jdbc;
    private final KeyEncryptionKeys keks;
    private final TransactionTemplate ownTransaction;

    DataKeyStore(JdbcTemplate jdbc, KeyEncryptionKeys keks, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.keks = keks;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What the store holds under a key id. */
    private record StoredKey(String keyId, String authorId, byte[] wrapped, String kekId, Instant erasedAt) {
    }

    /** What the store knows of a key id, with the moment it was erased when it was. */
    record KeyStatus(KeyLookup lookup, Instant erasedAt) {
    }

    /**
     * The author's key in use, made now if they have none (their first write, or their first after an erasure).
     * Two instances making one at the same moment end with the same key: the partial unique index lets one insert win.
     */
    DataKey keyInUse(String authorId) {
        return ownTransaction.execute(status -> inUse(authorId).orElseGet(() -> make(authorId)));
    }

    /**
     * Each author's key in use, those without one made now, all in one transaction of a few statements whatever
     * their number: an import meets hundreds of new authors, whose keys one by one cost a commit each.
     */
    Map<String, DataKey> keysInUse(Collection<String> authorIds) {
        return ownTransaction.execute(status -> {
            Map<String, DataKey> found = inUse(authorIds);
            List<String> missing = authorIds.stream().filter(author -> !found.containsKey(author)).distinct().toList();
            if (!missing.isEmpty()) {
                KeyEncryptionKey kek = keks.current();
                jdbc.batchUpdate("insert into data_key (key_id, author_id, generation, wrapped_key, kek_id)"
                                + " select ?, ?, coalesce(max(generation), 0) + 1, ?, ? from data_key where author_id = ?"
                                + " on conflict do nothing", missing, missing.size(), (statement, authorId) -> {
                            DataKey made = DataKey.generate(authorId);
                            statement.setString(1, made.keyId());
                            statement.setString(2, authorId);
                            statement.setBytes(3, kek.wrap(made));
                            statement.setString(4, kek.id());
                            statement.setString(5, authorId);
                        });
                Map<String, DataKey> made = inUse(missing);
                missing.forEach(author -> {
                    if (!made.containsKey(author)) {
                        throw new IllegalStateException("no key in use after making one");
                    }
                });
                found.putAll(made);
            }
            return found;
        });
    }

    private Map<String, DataKey> inUse(Collection<String> authorIds) {
        Map<String, DataKey> found = new LinkedHashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("select " + COLUMNS + " from data_key"
                    + " where author_id = any(?) and erased_at is null");
            statement.setArray(1, connection.createArrayOf("varchar", authorIds.toArray()));
            return statement;
        }, row -> {
            StoredKey key = stored(row);
            found.put(key.authorId(), unwrap(key));
        });
        return found;
    }

    private DataKey make(String authorId) {
        DataKey made = DataKey.generate(authorId);
        KeyEncryptionKey kek = keks.current();
        jdbc.update("insert into data_key (key_id, author_id, generation, wrapped_key, kek_id)"
                        + " select ?, ?, coalesce(max(generation), 0) + 1, ?, ? from data_key where author_id = ?"
                        + " on conflict do nothing",
                made.keyId(), authorId, kek.wrap(made), kek.id(), authorId);
        return inUse(authorId).orElseThrow(() -> new IllegalStateException("no key in use after making one"));
    }

    private Optional<DataKey> inUse(String authorId) {
        return jdbc.query("select " + COLUMNS + " from data_key where author_id = ? and erased_at is null",
                (row, n) -> stored(row), authorId).stream().findFirst().map(this::unwrap);
    }

    KeyLookup find(String keyId) {
        return findAll(List.of(keyId)).get(keyId).lookup();
    }

    /**
     * Every asked id with what the store knows of it, in the order asked; unknown ids map to {@link KeyLookup.Unknown}.
     *
     * @throws KeyStoreUnreadableException when a stored key does not unwrap
     */
    Map<String, KeyStatus> findAll(Collection<String> keyIds) {
        Map<String, StoredKey> stored = new LinkedHashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("select " + COLUMNS + " from data_key where key_id = any(?)");
            statement.setArray(1, connection.createArrayOf("varchar", keyIds.toArray()));
            return statement;
        }, row -> {
            StoredKey key = stored(row);
            stored.put(key.keyId(), key);
        });
        Map<String, KeyStatus> answers = new LinkedHashMap<>();
        for (String keyId : keyIds) {
            StoredKey key = stored.get(keyId);
            answers.put(keyId, key == null ? new KeyStatus(KeyLookup.unknown(), null)
                    : key.erasedAt() != null ? new KeyStatus(KeyLookup.erased(), key.erasedAt())
                    : new KeyStatus(new KeyLookup.Found(unwrap(key)), null));
        }
        return answers;
    }

    /**
     * Destroys the author's key in use: its wrapped material is overwritten in the same statement that marks it
     * erased. Returns the ids destroyed now; empty when there was nothing left to destroy (an erasure repeated).
     */
    List<String> erase(String authorId) {
        return ownTransaction.execute(status -> eraseInCallersTransaction(authorId));
    }

    /**
     * As {@link #erase}, in the caller's transaction: an erasure destroys the keys and records itself in one commit, so
     * that no key is ever destroyed without the erasure that tells readers about it.
     */
    List<String> eraseInCallersTransaction(String authorId) {
        List<String> erased = jdbc.queryForList("update data_key set wrapped_key = null, kek_id = null,"
                + " erased_at = now() where author_id = ? and erased_at is null returning key_id", String.class, authorId);
        if (!erased.isEmpty()) {
            log.info("Erased {} data key(s) of one author: {}", erased.size(), erased);
        }
        return erased;
    }

    /** Whether the store ever held a key for the author (in use or erased). */
    boolean knows(String authorId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from data_key where author_id = ?)", Boolean.class, authorId));
    }

    /**
     * Re-wraps up to {@code limit} keys still wrapped by a previous key-encryption key under the current one, after a
     * rotation; returns how many. Run until it returns 0, then the previous key can be dropped from the settings.
     */
    int rewrapOlderKeys(int limit) {
        KeyEncryptionKey current = keks.current();
        List<StoredKey> older = jdbc.query("select " + COLUMNS + " from data_key where erased_at is null"
                + " and kek_id <> ? order by key_id limit ?", (row, n) -> stored(row), current.id(), limit);
        int rewrapped = 0;
        for (StoredKey key : older) {
            DataKey unwrapped = unwrap(key);
            rewrapped += jdbc.update("update data_key set wrapped_key = ?, kek_id = ? where key_id = ? and kek_id = ?"
                    + " and erased_at is null", current.wrap(unwrapped), current.id(), key.keyId(), key.kekId());
        }
        return rewrapped;
    }

    private DataKey unwrap(StoredKey key) {
        KeyEncryptionKey kek = keks.byId(key.kekId()).orElseThrow(() -> {
            log.error("Data key {} is wrapped by key-encryption key {}, which is not configured", key.keyId(),
                    key.kekId());
            return new KeyStoreUnreadableException(key.keyId());
        });
        try {
            return kek.unwrap(key.keyId(), key.authorId(), key.wrapped());
        } catch (KeyUnwrapException e) {
            log.error("Data key {} does not unwrap with key-encryption key {}: the row was changed", key.keyId(),
                    key.kekId());
            throw new KeyStoreUnreadableException(key.keyId());
        }
    }

    private static StoredKey stored(ResultSet row) throws SQLException {
        java.sql.Timestamp erasedAt = row.getTimestamp("erased_at");
        return new StoredKey(row.getString("key_id"), row.getString("author_id"), row.getBytes("wrapped_key"),
                row.getString("kek_id"), erasedAt == null ? null : erasedAt.toInstant());
    }

}
