package commonplace.command.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Records every access to data keys: who asked (the service token's subject), for which key ids, and what was served,
 * found erased or unknown; refusals of a valid token without the role too. Key ids and consumer names carry no
 * personal data; key material is never recorded.
 */
class KeyAccessAudit {

    private static final Logger log = LoggerFactory.getLogger(KeyAccessAudit.class);

    private final JdbcTemplate jdbc;

    KeyAccessAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void served(String consumer, List<String> keyIds, int served, int erased, int unknown) {
        record(consumer, "served", keyIds, served, erased, unknown);
        log.info("Key access by {}: {} served, {} erased, {} unknown", consumer, served, erased, unknown);
    }

    /** A refusal is recorded when the database can take it; the refusal stands either way. */
    void denied(String consumer) {
        try {
            record(consumer, "denied", List.of(), 0, 0, 0);
        } catch (DataAccessException e) {
            log.warn("Could not record a refused key access: {}", e.getClass().getSimpleName());
        }
        log.warn("Key access denied to {}: its token lacks the {} role", consumer, KeyReader.ROLE);
    }

    private void record(String consumer, String outcome, List<String> keyIds, int served, int erased, int unknown) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into key_access"
                    + " (consumer, outcome, key_ids, served, erased, unknown) values (?, ?, ?, ?, ?, ?)");
            statement.setString(1, consumer);
            statement.setString(2, outcome);
            statement.setArray(3, connection.createArrayOf("text", keyIds.toArray()));
            statement.setInt(4, served);
            statement.setInt(5, erased);
            statement.setInt(6, unknown);
            return statement;
        });
    }
}
