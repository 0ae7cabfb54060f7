package commonplace.query.ingest;

import java.util.Map;

/** Told after every committed batch which sequence each topic of the batch has reached. */
public interface IngestListener {

    void batchCommitted(Map<String, Long> appliedSequenceByTopic);

    /** A rebuild replaced every read model: whatever was remembered about them must be read again. */
    default void readModelsReplaced() {
    }
}
