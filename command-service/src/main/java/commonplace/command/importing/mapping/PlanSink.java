package commonplace.command.importing.mapping;

import commonplace.command.importing.SourceKind;

/** Where an {@link ImportPlanner} sends what it decided, in the export's order. */
public interface PlanSink {

    void topic(PlannedTopic topic);

    void comment(PlannedComment comment);

    /** A record the reader could not model; reported as skipped. */
    void unreadable(SourceKind kind, String sourceId, String reason);
}
