package commonplace.query.ingest;

import java.util.Map;
import java.util.Set;

/** Told after every committed batch which sequence each topic of the batch has reached. */
public interface IngestListener {

    void batchCommitted(Map<String, Long> appliedSequenceByTopic);

    /** These topics were parked: an event of each could not be applied, and their later events wait behind it. */
    default void topicsParked(Set<String> topicIds) {
    }

    /** A rebuild replaced every read model: whatever was remembered about them must be read again. */
    default void readModelsReplaced() {
    }
}
