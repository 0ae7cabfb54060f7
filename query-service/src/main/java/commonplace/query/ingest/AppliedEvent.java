package commonplace.query.ingest;

import commonplace.events.DecodedEnvelope;
import commonplace.events.DiscussionEvent;
import commonplace.events.EventEnvelope;
import commonplace.events.privacy.DecryptedEvent;
import commonplace.events.privacy.WithheldReason;

import java.nio.charset.StandardCharsets;
import commonplace.events.Imported;

import java.time.Instant;
import java.util.Map;

/**
 * An event about to be applied: the envelope's fields as read, its payload decoded (and upcast) and the record value
 * exactly as it arrived. The value is kept as the bytes it came in; the text is decoded only when something asks for
 * it. Personal fields that could not be restored (the writer was erased, the value does not open) are null in the
 * event and named in {@link #withheld()}.
 */
public final class AppliedEvent {

    private final DecodedEnvelope envelope;
    private final Utf8Text raw;
    private final Map<String, WithheldReason> withheld;
    private String rawJson;

    public AppliedEvent(EventEnvelope envelope, DiscussionEvent event, String rawJson) {
        this(DecodedEnvelope.of(envelope, event), new Utf8Text(rawJson.getBytes(StandardCharsets.UTF_8)), Map.of());
        this.rawJson = rawJson;
    }

    /** An event read with keys: its personal fields restored or withheld. */
    public AppliedEvent(EventEnvelope envelope, DecryptedEvent read, String rawJson) {
        this(DecodedEnvelope.of(envelope, read.event()), new Utf8Text(rawJson.getBytes(StandardCharsets.UTF_8)),
                read.withheld());
        this.rawJson = rawJson;
    }

    AppliedEvent(DecodedEnvelope envelope, Utf8Text raw, Map<String, WithheldReason> withheld) {
        this.envelope = envelope;
        this.raw = raw;
        this.withheld = withheld;
    }

    /** The personal fields left out of {@link #event()}, with why; empty when every field is there. */
    public Map<String, WithheldReason> withheld() {
        return withheld;
    }

    /** Why {@code field} is left out, or null when it is not. */
    public WithheldReason withheld(String field) {
        return withheld.get(field);
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
