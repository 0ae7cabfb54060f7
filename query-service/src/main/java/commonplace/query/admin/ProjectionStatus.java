package commonplace.query.admin;

import commonplace.query.rebuild.ProjectionRebuild.Outcome;
import commonplace.query.rebuild.ProjectionRebuild.Progress;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/admin/projections}. Every read model is applied in the same transaction, so they
 * share one position; lag figures are null while Kafka cannot be asked for its end offsets. The read models shown
 * are always the live ones, also while a rebuild runs.
 *
 * @param state       "live", or "rebuilding" while a rebuild runs
 * @param rebuild     the running rebuild's progress; null when none runs
 * @param lastRebuild how the last rebuild since this instance started ended; null before one did
 * @param deadLetters  records that could not be read at all
 * @param parkedTopics the topics waiting at an event that could not be applied, the longest parked first (at most
 *                     {@link ProjectionStatusQueries#PARKED_TOPICS_SHOWN}; {@code /api/v1/admin/parked-topics} has all)
 */
record ProjectionStatus(String state, String kafkaTopic, boolean kafkaReachable, List<ReadModel> readModels,
                        long deadLetters, List<ParkedTopicSummary> parkedTopics, ThisInstance instance,
                        Progress rebuild, Outcome lastRebuild) {

    /** The same figures with the rebuild as it stands now (those are never cached). */
    ProjectionStatus withRebuild(Progress running, Outcome last) {
        return new ProjectionStatus(running == null ? "live" : "rebuilding", kafkaTopic, kafkaReachable, readModels,
                deadLetters, parkedTopics, instance, running, last);
    }

    /** A parked topic in the status: which, why, since when. */
    record ParkedTopicSummary(String topicId, String reason, Instant since) {
    }

    record ReadModel(String name, Position position, Long lagEvents, Long lagMillis) {
    }

    /** Where the read models stand: the next offset per partition, and events applied in total. */
    record Position(List<PartitionPosition> partitions, long appliedEvents) {
    }

    record PartitionPosition(int partition, long nextOffset, Long endOffset) {
    }

    /** What this instance's consumer did since it started. */
    record ThisInstance(long appliedEvents, long skippedDuplicates, long deadLettered, long batches) {
    }
}
