package commonplace.query.ingest;

import java.util.Map;

/** Told after every committed batch which sequence each topic of the batch has reached. */
public interface IngestListener {

    void batchCommitted(Map<String, Long> appliedSequenceByTopic);
}
