package commonplace.query.ingest;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * A JdbcTemplate on read-model tables that a rebuild fills from nothing, in sequence order, each event once: what
 * only ever grows can be streamed in with COPY instead of inserted row by row ({@link AppendOnlyRows}).
 */
public final class FreshTables extends JdbcTemplate {

    public FreshTables(DataSource dataSource) {
        super(dataSource);
    }
}
