package commonplace.query.ingest;

import commonplace.events.DiscussionEvent;
import commonplace.events.EventEnvelope;

import java.time.Instant;

/**
 * An event about to be applied: the envelope as read, its payload decoded (and upcast) and the record value exactly
 * as it arrived.
 */
public record AppliedEvent(EventEnvelope envelope, DiscussionEvent event, String rawJson) {

    public String topicId() {
        return envelope.topicId();
    }

    public long sequence() {
        return envelope.sequence();
    }

    public Instant occurredAt() {
        return envelope.occurredAt();
    }
}
