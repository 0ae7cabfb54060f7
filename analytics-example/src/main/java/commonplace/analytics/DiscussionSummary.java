package commonplace.analytics;

import commonplace.events.AuthorErased;
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
 * ignores anything at or below it: the feed's documented way to de-duplicate. It also keeps what each author added in
 * each topic, so that an {@code AuthorErased} takes exactly that author's share out of every count
 * ({@link #forget}), as docs/events.md asks of every consumer.
 */
final class DiscussionSummary {

    /** The summary's whole state, as it is saved between runs. */
    record State(Map<String, Long> lastSequenceByTopic, Map<String, Long> commentsByTopic,
                 Map<String, Long> eventsByAuthor, Map<String, Long> sharesByDomain, long skippedUnreadable,
                 Map<String, Contribution> contributions) {

        static State empty() {
            return new State(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), 0, new HashMap<>());
        }
    }

    /** What one author added to the counts in one topic (keyed by topic id, a line break and the author id). */
    record Contribution(long comments, long events, Map<String, Long> sharesByDomain) {

        Contribution plus(long moreComments, String sharedDomain) {
            Map<String, Long> domains = new HashMap<>(sharesByDomain);
            if (sharedDomain != null) {
                domains.merge(sharedDomain, 1L, Long::sum);
            }
            return new Contribution(comments + moreComments, events + 1, domains);
        }
    }

    record Ranked(String name, long count) {
    }

    private final State state;
    private long skippedUnreadable;

    DiscussionSummary(State state) {
        this.state = new State(new HashMap<>(state.lastSequenceByTopic()), new HashMap<>(state.commentsByTopic()),
                new HashMap<>(state.eventsByAuthor()), new HashMap<>(state.sharesByDomain()), 0,
                new HashMap<>(state.contributions() == null ? Map.of() : state.contributions()));
        this.skippedUnreadable = state.skippedUnreadable();
    }

    /** Counts an event unless it was counted before; returns whether it was new. */
    boolean count(EventEnvelope envelope) {
        return count(envelope, envelope.event());
    }

    /**
     * Counts {@code event}, the envelope's event as this consumer could read it (decrypted: a withheld domain is null
     * and not counted), unless it was counted before; an {@code AuthorErased} forgets instead. Returns whether it was
     * new.
     */
    boolean count(EventEnvelope envelope, DiscussionEvent event) {
        long last = state.lastSequenceByTopic().getOrDefault(envelope.topicId(), 0L);
        if (envelope.sequence() <= last) {
            return false;
        }
        state.lastSequenceByTopic().put(envelope.topicId(), envelope.sequence());
        if (event instanceof AuthorErased erased) {
            forget(envelope.topicId(), erased.erasedAuthorId());
            return true;
        }
        state.eventsByAuthor().merge(event.authorId(), 1L, Long::sum);
        long comments = 0;
        String domain = null;
        if (event instanceof CommentPosted || event instanceof ReplyPosted) {
            state.commentsByTopic().merge(event.topicId(), 1L, Long::sum);
            comments = 1;
        } else if (event instanceof LinkShared shared && shared.domain() != null) {
            state.sharesByDomain().merge(shared.domain(), 1L, Long::sum);
            domain = shared.domain();
        }
        long commentsAdded = comments;
        String domainShared = domain;
        state.contributions().compute(contributor(envelope.topicId(), event.authorId()), (key, before) ->
                (before == null ? new Contribution(0, 0, Map.of()) : before).plus(commentsAdded, domainShared));
        return true;
    }

    /** Takes what {@code authorId} added in {@code topicId} out of every count: the author was erased. */
    void forget(String topicId, String authorId) {
        Contribution gone = state.contributions().remove(contributor(topicId, authorId));
        if (gone == null) {
            return;
        }
        subtract(state.commentsByTopic(), topicId, gone.comments());
        subtract(state.eventsByAuthor(), authorId, gone.events());
        gone.sharesByDomain().forEach((domain, count) -> subtract(state.sharesByDomain(), domain, count));
    }

    private static void subtract(Map<String, Long> counts, String key, long amount) {
        if (amount != 0) {
            counts.computeIfPresent(key, (name, count) -> count - amount <= 0 ? null : count - amount);
        }
    }

    private static String contributor(String topicId, String authorId) {
        return topicId + "\n" + authorId;
    }

    void countUnreadable() {
        skippedUnreadable++;
    }

    State state() {
        return new State(Map.copyOf(state.lastSequenceByTopic()), Map.copyOf(state.commentsByTopic()),
                Map.copyOf(state.eventsByAuthor()), Map.copyOf(state.sharesByDomain()), skippedUnreadable,
                Map.copyOf(state.contributions()));
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
