package commonplace.command.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import commonplace.events.EventJson;
import commonplace.events.EventTypes;
import commonplace.events.EventTypes.EventType;
import commonplace.events.privacy.DataKey;
import commonplace.events.privacy.EventContext;
import commonplace.events.privacy.PayloadEncryption;
import commonplace.events.privacy.PersonalFields;
import commonplace.events.upcast.Upcasters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one-time re-encryption of events stored before sealing existed (docs/privacy.md, "Existing data"): each old
 * plaintext payload with personal fields is rewritten in place into its sealed form under its author's key in use
 * (same event id, topic, sequence and content; the current schema version), each in its own transaction with the
 * topic recorded for the key as a live write would; afterwards the snapshots are deleted and the authors whose events
 * are all sealed leave {@code plaintext_participation}, so they can be erased. This is the only rewrite of stored events
 * commonplace does. Safe to run again: sealed rows are left alone. Writes go on meanwhile (they are sealed anyway).
 */
final class PlaintextReencryption {

    private static final Logger log = LoggerFactory.getLogger(PlaintextReencryption.class);
    private static final int BATCH = 500;
    private static final Map<String, EventType> BY_CLASS_NAME = EventTypes.all().stream()
            .collect(Collectors.toUnmodifiableMap(type -> type.recordClass().getName(), Function.identity()));

    /** What a run did: events sealed now, events left as they were because they could not be read, authors freed. */
    record Result(int sealed, int unreadable, int erasableAuthors) {
    }

    private record StoredRow(long globalIndex, String topicId, long sequence, String eventId, String payloadType,
                             String revision, byte[] payload) {
    }

    private final JdbcTemplate jdbc;
    private final EventSealing sealing;
    private final TransactionTemplate transaction;

    PlaintextReencryption(JdbcTemplate jdbc, EventSealing sealing, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.transaction = new TransactionTemplate(transactions);
    }

    synchronized Result run() {
        int sealed = 0;
        int unreadable = 0;
        Set<String> stuckAuthors = new LinkedHashSet<>();
        long after = 0;
        List<StoredRow> rows;
        do {
            rows = jdbc.query("select globalindex, aggregateidentifier, sequencenumber, eventidentifier, payloadtype,"
                            + " payloadrevision, payload from domainevententry where globalindex > ?"
                            + " and payloadtype like 'commonplace.events.%' order by globalindex limit ?",
                    (row, n) -> new StoredRow(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getBytes(7)), after, BATCH);
            for (StoredRow row : rows) {
                after = row.globalIndex();
                try {
                    if (seal(row)) {
                        sealed++;
                    }
                } catch (IllegalArgumentException | IOException e) {
                    unreadable++;
                    stuckAuthors.add(authorOf(row));
                    log.warn("Event {} of topic {} cannot be sealed and stays as it is: {}", row.eventId(),
                            row.topicId(), e.getClass().getSimpleName());
                }
            }
        } while (rows.size() == BATCH);
        int freed = jdbc.update(connection -> {
            var statement = connection.prepareStatement(
                    "delete from plaintext_participation where not (author_id = any(?))");
            statement.setArray(1, connection.createArrayOf("varchar", stuckAuthors.toArray()));
            return statement;
        });
        jdbc.update("delete from snapshotevententry");
        log.info("Re-encryption sealed {} stored event(s); {} could not be read; {} author topic(s) now erasable",
                sealed, unreadable, freed);
        return new Result(sealed, unreadable, freed);
    }

    /** Seals one stored row in place; false when there is nothing to seal (sealed already, or nothing personal). */
    private boolean seal(StoredRow row) throws IOException {
        EventType type = BY_CLASS_NAME.get(row.payloadType());
        if (type == null || PersonalFields.of(type.name()).isEmpty()) {
            return false;
        }
        JsonNode stored = EventJson.mapper().readTree(row.payload());
        if (!(stored instanceof ObjectNode payload) || payload.has("encrypted") || payload.has("withheld")) {
            return false;
        }
        ObjectNode current = Upcasters.upcast(type.name(), version(row.revision()), payload.deepCopy());
        String authorId = current.path("authorId").asText(null);
        if (authorId == null) {
            throw new IllegalArgumentException("no author");
        }
        return Boolean.TRUE.equals(transaction.execute(status -> {
            DataKey key = sealing.lockedKey(authorId, row.topicId());
            ObjectNode sealed = PayloadEncryption.encrypt(
                    new EventContext(row.eventId(), row.topicId(), row.sequence() + 1, type.name()), current, key);
            try {
                return jdbc.update("update domainevententry set payload = ?, payloadrevision = ? where globalindex = ?"
                                + " and payload = ?", EventJson.mapper().writeValueAsBytes(sealed),
                        String.valueOf(type.schemaVersion()), row.globalIndex(), row.payload()) == 1;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("a payload always serialises", e);
            }
        }));
    }

    private static int version(String revision) {
        try {
            return revision == null ? 1 : Integer.parseInt(revision);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String authorOf(StoredRow row) {
        try {
            return EventJson.mapper().readTree(row.payload()).path("authorId").asText("");
        } catch (IOException e) {
            return "";
        }
    }
}
