package commonplace.query.timeline;

import commonplace.query.activity.ActivityRows;
import commonplace.query.ingest.AppliedEvent;
import commonplace.query.ingest.Projection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Topic timelines: one entry per event of a topic, in sequence order. */
@Component
public class TimelineProjection implements Projection {

    @Override
    public String name() {
        return "topicTimelines";
    }

    @Override
    public void apply(List<AppliedEvent> batch, JdbcTemplate tx) {
        ActivityRows.write(tx, "timeline_entry", batch);
    }
}
