package commonplace.command.importing.mapping;

import java.time.Instant;
import java.util.List;

/**
 * A source topic as it will be recorded, or why not.
 *
 * @param topicId   the commonplace topic id
 * @param sourceId  the export's key for it: with the format, the topic's source reference
 * @param title     a title by the contract's rule (1..300 characters, one line)
 * @param url       the page address when it is a valid http(s) address, else null
 * @param createdAt the source's time, or null
 * @param closed    the source closed it to new comments
 * @param skipped   why the topic and its comments are not imported; null when they are
 * @param changes   how the recorded topic differs from the source, each a report reason
 */
public record PlannedTopic(String topicId, String sourceId, String title, String url, Instant createdAt,
                           boolean closed, String skipped, List<String> changes) {

    public PlannedTopic {
        changes = List.copyOf(changes);
    }
}
