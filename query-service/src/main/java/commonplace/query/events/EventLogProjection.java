package commonplace.query.events;

import commonplace.query.ingest.AppendOnlyRows;
import commonplace.query.ingest.AppliedEvent;
import commonplace.query.ingest.Projection;
import commonplace.query.ingest.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Keeps every envelope exactly as it arrived, per topic and sequence: the replay feed and the source of asOf. */
@Component
public class EventLogProjection implements Projection {

    private static final List<String> COLUMNS = List.of("topic_id", "sequence", "type", "occurred_at", "envelope");

    @Override
    public String name() {
        return "eventLog";
    }

    @Override
    public void apply(List<AppliedEvent> batch, JdbcTemplate tx) {
        AppendOnlyRows.insert(tx, "event_log", COLUMNS, batch.stream().map(applied -> new Object[]{applied.topicId(),
                applied.sequence(), applied.envelope().type(), Sql.timestamp(applied.occurredAt()),
                applied.rawJson()}).toList());
    }
}
