package commonplace.query.thread;

import commonplace.events.EventEnvelope;
import commonplace.events.UnreadableEventException;
import commonplace.query.ingest.AppliedEvent;
import commonplace.query.ingest.Sql;
import commonplace.query.thread.CommentViews.LinkView;
import commonplace.query.thread.ThreadQueries.RootPage;
import commonplace.query.thread.ThreadQueries.Sort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Time travel: a topic's thread exactly as it was at an instant, folded in memory from its events in
 * {@code event_log} (one query) by the same {@link ThreadBatch} rules that write the thread tables, then paged the
 * way {@link ThreadQueries} pages the tables.
 */
@Component
class ThreadAsOf {

    private static final Logger log = LoggerFactory.getLogger(ThreadAsOf.class);
    /** timestamptz cannot hold every Instant; no event lies outside these anyway. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final JdbcTemplate jdbc;

    ThreadAsOf(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the thread as of {@code asOf}; empty when the topic had no event by then. */
    Optional<RootPage> roots(String topicId, Instant asOf, Sort sort, Long afterSequence, int limit) {
        Optional<ThreadBatch> folded = fold(topicId, asOf);
        if (folded.isEmpty()) {
            return Optional.empty();
        }
        Map<String, CommentRow> comments = folded.get().comments();
        Comparator<CommentRow> bySequence = Comparator.comparingLong(comment -> comment.sequence);
        List<CommentRow> roots = comments.values().stream()
                .filter(comment -> comment.parentId == null)
                .filter(comment -> afterSequence == null
                        || (sort == Sort.OLDEST ? comment.sequence > afterSequence : comment.sequence < afterSequence))
                .sorted(sort == Sort.OLDEST ? bySequence : bySequence.reversed())
                .limit(limit + 1L)
                .toList();
        boolean more = roots.size() > limit;
        List<CommentRow> page = roots.subList(0, Math.min(limit, roots.size()));
        Set<String> rootIds = page.stream().map(root -> root.commentId).collect(Collectors.toSet());
        List<CommentRow> descendants = comments.values().stream()
                .filter(comment -> comment.parentId != null && rootIds.contains(comment.rootId))
                .sorted(Comparator.comparing(comment -> comment.path))
                .toList();
        Map<String, List<LinkView>> links = new HashMap<>();
        for (List<CommentRow> part : List.of(page, descendants)) {
            for (CommentRow comment : part) {
                List<LinkView> views = folded.get().links(comment.commentId).stream()
                        .map(link -> new LinkView(link.url(), link.normalizedUrl(), link.domain())).toList();
                if (!views.isEmpty()) {
                    links.put(comment.commentId, views);
                }
            }
        }
        return Optional.of(ThreadQueries.assemble(page, descendants, links, more));
    }

    /** Every event of the topic that had happened by {@code asOf}, in sequence order, folded from nothing. */
    private Optional<ThreadBatch> fold(String topicId, Instant asOf) {
        // occurred_at holds microseconds: cutting asOf to them keeps "at or before" exact
        Instant bound = asOf.isBefore(EARLIEST) ? EARLIEST
                : asOf.isAfter(LATEST) ? LATEST : asOf.truncatedTo(ChronoUnit.MICROS);
        ThreadBatch fold = new ThreadBatch(Map.of());
        int[] events = {0};
        jdbc.query("select sequence, envelope from event_log where topic_id = ? and occurred_at <= ? order by sequence",
                row -> {
                    events[0]++;
                    String json = row.getString("envelope");
                    try {
                        EventEnvelope envelope = EventEnvelope.fromJson(json.getBytes(StandardCharsets.UTF_8));
                        fold.apply(new AppliedEvent(envelope, envelope.event(), json));
                    } catch (UnreadableEventException e) {
                        // it was readable when it was applied; an envelope of a type since withdrawn is skipped
                        log.warn("{} #{} in event_log is no longer readable; left out of asOf", topicId,
                                row.getLong("sequence"));
                    }
                }, topicId, Sql.timestamp(bound));
        return events[0] == 0 ? Optional.empty() : Optional.of(fold);
    }
}
