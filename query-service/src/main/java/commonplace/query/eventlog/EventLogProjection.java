package commonplace.query.eventlog;

import commonplace.query.ingest.AppendOnlyRows;
import commonplace.query.ingest.AppliedEvent;
import commonplace.query.ingest.ArrayInsert.Column;
import commonplace.query.ingest.Projection;
import commonplace.query.ingest.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

import static commonplace.query.ingest.ArrayInsert.column;

/**
 * Keeps every envelope exactly as it arrived, per topic and sequence: the replay feed and the source of asOf. Its
 * {@code occurred_at} is when the event counts from for asOf: the source's time for an imported item.
 */
@Component
public class EventLogProjection implements Projection {

    private static final List<Column> COLUMNS = List.of(column("topic_id", "text"), column("sequence", "bigint"),
            column("type", "text"), column("occurred_at", "timestamptz"), column("envelope", "text"));

    @Override
    public String name() {
        return "eventLog";
    }

    @Override
    public void apply(List<AppliedEvent> batch, JdbcTemplate tx) {
        AppendOnlyRows.insert(tx, "event_log", COLUMNS, batch.stream().map(applied -> new Object[]{applied.topicId(),
                applied.sequence(), applied.type(), Sql.timestamp(applied.shownAt()),
                applied.raw()}).toList());
    }
}
