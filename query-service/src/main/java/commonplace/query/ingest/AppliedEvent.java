package commonplace.query.ingest;

import commonplace.events.DiscussionEvent;
import commonplace.events.EventEnvelope;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An event about to be applied: the envelope as read, its payload decoded (and upcast) and the record value exactly
 * as it arrived. The value is kept as the bytes it came in; the text is decoded only when something asks for it.
 */
public final class AppliedEvent {

    private final EventEnvelope envelope;
    private final DiscussionEvent event;
    private final Utf8Text raw;
    private String rawJson;

    public AppliedEvent(EventEnvelope envelope, DiscussionEvent event, String rawJson) {
        this(envelope, event, new Utf8Text(rawJson.getBytes(StandardCharsets.UTF_8)));
        this.rawJson = rawJson;
    }

    AppliedEvent(EventEnvelope envelope, DiscussionEvent event, Utf8Text raw) {
        this.envelope = envelope;
        this.event = event;
        this.raw = raw;
    }

    public EventEnvelope envelope() {
        return envelope;
    }

    public DiscussionEvent event() {
        return event;
    }

    /** The record value as it arrived, in UTF-8. */
    public Utf8Text raw() {
        return raw;
    }

    /** The record value as it arrived, as text. */
    public String rawJson() {
        if (rawJson == null) {
            rawJson = raw.toString();
        }
        return rawJson;
    }

    public String topicId() {
        return envelope.topicId();
    }

    public long sequence() {
        return envelope.sequence();
    }

    public Instant occurredAt() {
        return envelope.occurredAt();
    }

    @Override
    public String toString() {
        return "AppliedEvent[" + envelope.type() + " " + envelope.topicId() + " #" + envelope.sequence() + "]";
    }
}
