package commonplace.query.ingest;

import commonplace.events.DecodedEnvelope;
import commonplace.events.DiscussionEvent;
import commonplace.events.EventEnvelope;

import java.nio.charset.StandardCharsets;
import commonplace.events.Imported;

import java.time.Instant;

/**
 * An event about to be applied: the envelope's fields as read, its payload decoded (and upcast) and the record value
 * exactly as it arrived. The value is kept as the bytes it came in; the text is decoded only when something asks for
 * it.
 */
public final class AppliedEvent {

    private final DecodedEnvelope envelope;
    private final Utf8Text raw;
    private String rawJson;

    public AppliedEvent(EventEnvelope envelope, DiscussionEvent event, String rawJson) {
        this(DecodedEnvelope.of(envelope, event), new Utf8Text(rawJson.getBytes(StandardCharsets.UTF_8)));
        this.rawJson = rawJson;
    }

    AppliedEvent(DecodedEnvelope envelope, Utf8Text raw) {
        this.envelope = envelope;
        this.raw = raw;
    }

    /** The event's type as named on the wire. */
    public String type() {
        return envelope.type();
    }

    public DiscussionEvent event() {
        return envelope.event();
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

    /**
     * When the event counts as having happened for readers: the source's time for an imported item
     * ({@link Imported}), else {@link #occurredAt()}. The thread, the timeline, author histories and asOf use it.
     */
    public Instant shownAt() {
        return Imported.shownAt(envelope.event(), envelope.occurredAt());
    }

    @Override
    public String toString() {
        return "AppliedEvent[" + envelope.type() + " " + envelope.topicId() + " #" + envelope.sequence() + "]";
    }
}
