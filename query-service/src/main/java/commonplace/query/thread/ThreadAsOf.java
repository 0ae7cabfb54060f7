package commonplace.query.thread;

import commonplace.events.EventEnvelope;
import commonplace.events.UnreadableEventException;
import commonplace.query.erasure.ErasedTopicCache;
import commonplace.query.ingest.AppliedEvent;
import commonplace.query.ingest.Sql;
import commonplace.query.privacy.QueryKeys;
import commonplace.query.privacy.SealedEnvelopes;
import commonplace.query.thread.CommentViews.LinkView;
import commonplace.query.thread.CommentViews.ThreadComment;
import commonplace.query.thread.ThreadQueries.Sort;
import commonplace.query.web.Page;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Time travel: a topic's thread exactly as it was at an instant, folded in memory from its events in
 * {@code event_log} (one query, each stored envelope opened with the data keys) by the same {@link ThreadBatch} rules
 * that write the thread tables, then paged the way {@link ThreadQueries} pages the tables. A comment retracted since
 * keeps its place as it was then, its text withheld ({@code retracted}): a retraction hides every earlier state too,
 * unless an admin asks for it ({@code includeRetracted}).
 */
@Component
class ThreadAsOf implements ErasedTopicCache {

    private static final Logger log = LoggerFactory.getLogger(ThreadAsOf.class);

    /** A topic folded as of an instant, and how many events went into it. */
    private record Folded(ThreadBatch fold, int events) {
    }

    private final JdbcTemplate jdbc;
    private final QueryKeys keys;
    private final AsOfFolds<Folded> folds;
    /** Per topic, how many times an erasure made it forget its folds: part of the key, so a fold begun before is
     * never served after. */
    private final Map<String, Long> forgotten = new ConcurrentHashMap<>();

    ThreadAsOf(JdbcTemplate jdbc, QueryKeys keys, MeterRegistry meters,
               @Value("${commonplace.query.as-of.max-concurrent-folds:4}") int maxConcurrentFolds,
               @Value("${commonplace.query.as-of.cached-events:200000}") long cachedEvents) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.folds = new AsOfFolds<>(maxConcurrentFolds, cachedEvents, Folded::events);
        Gauge.builder("commonplace.query.asof.folds", folds, AsOfFolds::folds)
                .description("threads folded for a past instant (not answered from the cache)").register(meters);
    }

    /**
     * A page of the thread as of {@code asOf}, shaped as {@link ThreadQueries#roots} shapes one; empty when the topic
     * had no event by then.
     */
    Optional<Page<ThreadComment>> roots(String topicId, Instant asOf, Sort sort, ThreadCursor after, int limit,
                                        int displayDepth, boolean includeRetracted) {
        // read before the fold: a comment retracted meanwhile is withheld too, never the other way round
        Set<String> retractedSince = includeRetracted ? Set.of() : retractedNow(topicId);
        Optional<ThreadBatch> folded = fold(topicId, asOf);
        if (folded.isEmpty()) {
            return Optional.empty();
        }
        Collection<CommentRow> comments = folded.get().comments().values();
        Map<String, List<CommentRow>> descendants = comments.stream().filter(comment -> comment.parentId != null)
                .collect(Collectors.groupingBy(comment -> comment.rootId));
        Comparator<CommentRow> bySequence = Comparator.comparingLong(comment -> comment.sequence);
        Page<ThreadTree> page = Page.fetch(limit, count -> comments.stream()
                        .filter(comment -> comment.parentId == null)
                        .filter(comment -> after == null || (sort == Sort.OLDEST
                                ? comment.sequence > after.afterSequence() : comment.sequence < after.afterSequence()))
                        .sorted(sort == Sort.OLDEST ? bySequence : bySequence.reversed())
                        .limit(count)
                        .map(root -> new ThreadTree(root, descendants.getOrDefault(root.commentId, List.of())))
                        .toList(),
                tree -> ThreadQueries.cursorAfter(tree, sort));
        Map<String, List<LinkView>> links = new HashMap<>();
        page.items().stream().flatMap(tree -> tree.commentIds().stream())
                .filter(commentId -> !retractedSince.contains(commentId)).forEach(commentId -> {
            List<LinkView> views = folded.get().links(commentId).stream()
                    .map(link -> new LinkView(link.url(), link.normalizedUrl(), link.domain())).toList();
            if (!views.isEmpty()) {
                links.put(commentId, views);
            }
        });
        return Optional.of(page.map(tree -> tree.render(links, displayDepth, retractedSince)));
    }

    /**
     * After an erasure of the topic commits: its folds hold texts and names opened with keys since destroyed, and an
     * {@code AuthorErased} without an erasure id leaves the state key as it was, so they are dropped, not outlived.
     */
    @Override
    public void forgetTopic(String topicId) {
        forgotten.merge(topicId, 1L, Long::sum);
        String prefix = topicId + '\n';
        folds.forgetIf(state -> state.startsWith(prefix));
    }

    /** How many folds are cached now, for tests. */
    long cachedFolds() {
        return folds.cached();
    }

    private Set<String> retractedNow(String topicId) {
        return new HashSet<>(jdbc.queryForList("select comment_id from comment where topic_id = ? and retracted",
                String.class, topicId));
    }

    /**
     * The topic as of {@code asOf}: from the cache when the same state was folded before, since every instant between
     * two events names the same state: which log (a rebuild's switch replaces it), how many erasures the topic has
     * applied (after one, its writer's events open to placeholders only) and how far its log had come by the instant.
     * Retractions since are applied when the answer is rendered, not folded in.
     */
    private Optional<ThreadBatch> fold(String topicId, Instant asOf) {
        // occurred_at holds microseconds: cutting asOf to them keeps "at or before" exact
        // no event lies outside the instants the tables take, so clamping changes no answer
        long generation = forgotten.getOrDefault(topicId, 0L);
        Instant bound = asOf.isBefore(Sql.EARLIEST) ? Sql.EARLIEST
                : asOf.isAfter(Sql.LATEST) ? Sql.LATEST : asOf.truncatedTo(ChronoUnit.MICROS);
        List<String> state = jdbc.query("select 'event_log'::regclass::oid::bigint as log_table, "
                        + "(select count(*) from erasure_applied where topic_id = ?) as erasures, "
                        + "count(*) as events, max(sequence) as reached "
                        + "from event_log where topic_id = ? and occurred_at <= ?",
                (row, index) -> row.getLong("events") == 0 ? null : row.getLong("log_table") + " "
                        + row.getLong("erasures") + " " + row.getLong("events") + " " + row.getLong("reached"),
                topicId, topicId, Sql.timestamp(bound));
        if (state.isEmpty() || state.get(0) == null) {
            return Optional.empty();
        }
        return Optional.of(folds.get(topicId + '\n' + generation + ' ' + state.get(0), () -> foldNow(topicId, bound))
                .fold());
    }

    /** Every event of the topic that had happened by {@code bound}, in sequence order, folded from nothing. */
    private Folded foldNow(String topicId, Instant bound) {
        ThreadBatch fold = new ThreadBatch(Map.of());
        int[] events = {0};
        jdbc.query("select sequence, envelope from event_log where topic_id = ? and occurred_at <= ? order by sequence",
                row -> {
                    events[0]++;
                    String json = row.getString("envelope");
                    try {
                        EventEnvelope envelope = EventEnvelope.fromJson(json.getBytes(StandardCharsets.UTF_8));
                        fold.apply(SealedEnvelopes.maySeal(json) ? new AppliedEvent(envelope, envelope.read(keys), json)
                                : new AppliedEvent(envelope, envelope.event(), json));
                    } catch (UnreadableEventException e) {
                        // it was readable when it was applied; an envelope of a type since withdrawn is skipped
                        log.warn("{} #{} in event_log is no longer readable; left out of asOf", topicId,
                                row.getLong("sequence"));
                    }
                }, topicId, Sql.timestamp(bound));
        return new Folded(fold, events[0]);
    }
}
