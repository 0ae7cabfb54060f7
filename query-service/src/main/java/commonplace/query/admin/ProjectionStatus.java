package commonplace.query.admin;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/admin/projections}. Every read model is applied in the same transaction, so they
 * share one position; lag figures are null while Kafka cannot be asked for its end offsets.
 *
 * @param state "live" (a rebuild, when it comes, reports "rebuilding")
 */
record ProjectionStatus(String state, String kafkaTopic, boolean kafkaReachable, List<ReadModel> readModels,
                        long deadLetters, ThisInstance instance) {

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
