package commonplace.command.importing.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which one topic's staged comments are recorded, and the parent each hangs under: by source time, a
 * parent always before its replies (an export may list a reply first, and clocks disagree); a reply whose parent was
 * skipped hangs under the nearest ancestor that is kept. A parent the export does not have in this topic is left
 * named: the topic decides (an earlier import may have recorded it), else the reply goes to the top level. Holds one
 * row per comment of the topic, without its text.
 */
final class TopicPlan {

    /** A staged comment without its text. */
    record Staged(String sourceId, String parentSourceId, String commentId, String action, Instant sourceTime) {

        boolean kept() {
            return !action.equals("skip");
        }
    }

    /** A comment to record: its parent's comment id (or null), and why that is not the source's parent (or null). */
    record Entry(Staged comment, String parentCommentId, String parentSourceId, String change) {
    }

    private TopicPlan() {
    }

    static List<Entry> order(List<Staged> staged, java.util.function.Function<String, String> derivedCommentId) {
        Map<String, Staged> bySourceId = new HashMap<>();
        staged.forEach(comment -> bySourceId.put(comment.sourceId(), comment));
        List<Staged> kept = new ArrayList<>(staged.stream().filter(Staged::kept).toList());
        kept.sort(Comparator.comparing(Staged::sourceTime, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Staged::sourceId));
        Map<String, Entry> entries = new HashMap<>();
        for (Staged comment : kept) {
            entries.put(comment.sourceId(), entry(comment, bySourceId, derivedCommentId));
        }
        List<Entry> ordered = new ArrayList<>(kept.size());
        Set<String> placed = new HashSet<>();
        for (Staged comment : kept) {
            // ancestors first: walk up to one already placed (or the top), then place the chain from the top down
            List<Entry> chain = new ArrayList<>();
            Set<String> onChain = new HashSet<>();
            Entry at = entries.get(comment.sourceId());
            while (at != null && !placed.contains(at.comment().sourceId()) && onChain.add(at.comment().sourceId())) {
                chain.add(at);
                at = at.parentSourceId() == null ? null : entries.get(at.parentSourceId());
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                placed.add(chain.get(i).comment().sourceId());
                ordered.add(chain.get(i));
            }
        }
        return ordered;
    }

    private static Entry entry(Staged comment, Map<String, Staged> bySourceId,
                               java.util.function.Function<String, String> derivedCommentId) {
        String parent = comment.parentSourceId();
        if (parent == null) {
            return new Entry(comment, null, null, null);
        }
        Set<String> seen = new HashSet<>();
        boolean skippedOne = false;
        while (parent != null && seen.add(parent)) {
            Staged ancestor = bySourceId.get(parent);
            if (ancestor == null) {
                // not in this topic of the export: the topic may have it from an earlier import
                return new Entry(comment, derivedCommentId.apply(parent), parent,
                        skippedOne ? "answers a comment that is not imported; hangs under the nearest one that is"
                                : null);
            }
            if (ancestor.kept()) {
                return new Entry(comment, ancestor.commentId(), ancestor.sourceId(), skippedOne
                        ? "answers a comment that is not imported; hangs under the nearest one that is" : null);
            }
            skippedOne = true;
            parent = ancestor.parentSourceId();
        }
        return new Entry(comment, null, null, parent != null
                ? "its replies form a loop in the export; kept at the top level"
                : "answers a comment that is not imported, nor any above it; kept at the top level");
    }
}
