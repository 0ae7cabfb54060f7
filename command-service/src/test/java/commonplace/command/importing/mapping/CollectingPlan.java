package commonplace.command.importing.mapping;

import commonplace.command.importing.SourceKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Keeps what a planner decided, for tests. */
class CollectingPlan implements PlanSink {

    final List<PlannedTopic> topics = new ArrayList<>();
    final List<PlannedComment> comments = new ArrayList<>();
    final List<String> unreadable = new ArrayList<>();

    @Override
    public void topic(PlannedTopic topic) {
        topics.add(topic);
    }

    @Override
    public void comment(PlannedComment comment) {
        comments.add(comment);
    }

    @Override
    public void unreadable(SourceKind kind, String sourceId, String reason) {
        unreadable.add(kind + " " + sourceId + ": " + reason);
    }

    Map<String, PlannedComment> bySourceId() {
        return comments.stream().collect(Collectors.toMap(PlannedComment::sourceId, Function.identity()));
    }
}
