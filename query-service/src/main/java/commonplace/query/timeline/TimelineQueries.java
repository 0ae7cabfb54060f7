package commonplace.query.timeline;

import commonplace.query.activity.ActivityRows;
import commonplace.query.web.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads a topic's timeline oldest first, keyset-paged on the sequence; the next cursor is the last item's position. */
@Component
class TimelineQueries {

    private final JdbcTemplate jdbc;

    TimelineQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The entries after sequence {@code afterSequence} (0 for the first page). */
    Page<TimelineItem> timeline(String topicId, long afterSequence, int limit) {
        return Page.fetch(limit, count -> jdbc.query("select " + ActivityRows.COLUMNS + " from activity "
                        + "where topic_id = ? and sequence > ? order by sequence limit ?",
                ActivityRows.MAPPER, topicId, afterSequence, count).stream().map(TimelineItem::of).toList(),
                TimelineItem::position);
    }
}
