package commonplace.query.activity;

import commonplace.query.ingest.AppliedEvent;
import commonplace.query.ingest.Projection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Activities: one entry per event, in table {@code activity}. The topic timeline reads it in sequence order by its
 * primary key, the author history newest first per author by its author index: one row serves both.
 */
@Component
public class ActivityProjection implements Projection {

    @Override
    public String name() {
        return "activities";
    }

    @Override
    public void apply(List<AppliedEvent> batch, JdbcTemplate tx) {
        ActivityRows.write(tx, batch);
    }
}
