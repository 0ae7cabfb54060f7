package commonplace.query.authorhistory;

import commonplace.query.activity.ActivityRows;
import commonplace.query.ingest.AppliedEvent;
import commonplace.query.ingest.Projection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Author histories: every event an author caused, across topics, indexed newest first per author. */
@Component
public class AuthorHistoryProjection implements Projection {

    @Override
    public String name() {
        return "authorHistories";
    }

    @Override
    public void apply(List<AppliedEvent> batch, JdbcTemplate tx) {
        ActivityRows.write(tx, "author_activity", batch);
    }
}
