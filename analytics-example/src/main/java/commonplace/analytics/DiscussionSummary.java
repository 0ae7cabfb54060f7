package commonplace.analytics;

import commonplace.events.CommentPosted;
import commonplace.events.DiscussionEvent;
import commonplace.events.EventEnvelope;
import commonplace.events.LinkShared;
import commonplace.events.ReplyPosted;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the example reports: comments (and replies) per topic, the most active authors (every event they caused) and
 * the most shared link domains. Delivery is at-least-once, so it remembers the last sequence counted per topic and
 * ignores anything at or below it: the feed's documented way to de-duplicate.
 */
final class DiscussionSummary {

    /** The summary's whole state, as it is saved between runs. */
    record State(Map<String, Long> lastSequenceByTopic, Map<String, Long> commentsByTopic,
                 Map<String, Long> eventsByAuthor, Map<String, Long> sharesByDomain, long skippedUnreadable) {

        static State empty() {
            return new State(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), 0);
        }
    }

    record Ranked(String name, long count) {
    }

    private final State state;
    private long skippedUnreadable;

    DiscussionSummary(State state) {
        this.state = new State(new HashMap<>(state.lastSequenceByTopic()), new HashMap<>(state.commentsByTopic()),
                new HashMap<>(state.eventsByAuthor()), new HashMap<>(state.sharesByDomain()), 0);
        this.skippedUnreadable = state.skippedUnreadable();
    }

    /** Counts an event unless it was counted before; returns whether it was new. */
    boolean count(EventEnvelope envelope) {
        long last = state.lastSequenceByTopic().getOrDefault(envelope.topicId(), 0L);
        if (envelope.sequence() <= last) {
            return false;
        }
        state.lastSequenceByTopic().put(envelope.topicId(), envelope.sequence());
        DiscussionEvent event = envelope.event();
        state.eventsByAuthor().merge(event.authorId(), 1L, Long::sum);
        if (event instanceof CommentPosted || event instanceof ReplyPosted) {
            state.commentsByTopic().merge(event.topicId(), 1L, Long::sum);
        } else if (event instanceof LinkShared shared) {
            state.sharesByDomain().merge(shared.domain(), 1L, Long::sum);
        }
        return true;
    }

    void countUnreadable() {
        skippedUnreadable++;
    }

    State state() {
        return new State(Map.copyOf(state.lastSequenceByTopic()), Map.copyOf(state.commentsByTopic()),
                Map.copyOf(state.eventsByAuthor()), Map.copyOf(state.sharesByDomain()), skippedUnreadable);
    }

    long commentsIn(String topicId) {
        return state.commentsByTopic().getOrDefault(topicId, 0L);
    }

    List<Ranked> topicsByComments(int n) {
        return top(state.commentsByTopic(), n);
    }

    List<Ranked> mostActiveAuthors(int n) {
        return top(state.eventsByAuthor(), n);
    }

    List<Ranked> mostSharedDomains(int n) {
        return top(state.sharesByDomain(), n);
    }

    String render(int n) {
        StringBuilder out = new StringBuilder();
        section(out, "comments per topic", topicsByComments(n));
        section(out, "most active authors (events)", mostActiveAuthors(n));
        section(out, "most shared link domains", mostSharedDomains(n));
        out.append("unreadable records skipped: ").append(skippedUnreadable).append('\n');
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<Ranked> rows) {
        out.append(title).append(":\n");
        if (rows.isEmpty()) {
            out.append("  (none yet)\n");
        }
        rows.forEach(row -> out.append(String.format("  %6d  %s%n", row.count(), row.name())));
    }

    private static List<Ranked> top(Map<String, Long> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .map(entry -> new Ranked(entry.getKey(), entry.getValue()))
                .toList();
    }
}
