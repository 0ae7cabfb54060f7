package commonplace.query.rebuild;

import com.zaxxer.hikari.HikariDataSource;
import commonplace.query.ingest.EventConsumer;
import commonplace.query.ingest.IngestListener;
import commonplace.query.ingest.KafkaSettings;
import commonplace.query.ingest.OffsetStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** The live read models a rebuild catches up with and finally replaces, and what serves them. */
record LiveSide(EventConsumer consumer, OffsetStore offsets, JdbcTemplate jdbc, TransactionTemplate transactions,
                DataSource dataSource, List<IngestListener> listeners, KafkaSettings kafka) {

    private static final Logger log = LoggerFactory.getLogger(LiveSide.class);

    /** How far the live read models are, per partition: the offsets stored with them. */
    Map<Integer, Long> storedOffsets() {
        return offsets.load(kafka.kafkaTopic());
    }

    /**
     * Swaps the rebuilt schema in (one transaction), then makes sure nothing keeps reading the old one and tells
     * whoever remembers read-model positions to read them again. Call it while the live consumer waits.
     */
    void switchTo(RebuildSchemas schemas) {
        transactions.executeWithoutResult(status -> schemas.swap(jdbc));
        log.info("Rebuild switched: the rebuilt read models are live");
        // from here on the switch stands, whatever fails
        evictPooledConnections();
        for (IngestListener listener : listeners) {
            try {
                listener.readModelsReplaced();
            } catch (RuntimeException e) {
                log.warn("{} could not re-read the new read models: {}", listener.getClass().getSimpleName(),
                        e.toString());
            }
        }
    }

    /**
     * Connections opened before the switch may hold server-side prepared statements planned against the old
     * tables; new ones only ever see the new schema. Idle ones close now, busy ones when they are handed back.
     */
    private void evictPooledConnections() {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
                if (pool.getHikariPoolMXBean() != null) {
                    pool.getHikariPoolMXBean().softEvictConnections();
                }
            }
        } catch (SQLException e) {
            log.warn("Pooled connections could not be evicted after the switch: {}", e.toString());
        }
    }
}
