package commonplace.query.ingest;

import commonplace.events.CommentEdited;
import commonplace.events.CommentPosted;
import commonplace.events.CommentRetracted;
import commonplace.events.DecodedEnvelope;
import commonplace.events.DiscussionEvent;
import commonplace.events.EventTypes;
import commonplace.events.Identifiers;
import commonplace.events.LinkShared;
import commonplace.events.ReplyPosted;
import commonplace.events.TopicOpened;
import commonplace.events.OpenedEnvelope;
import commonplace.events.UnreadableEventException;
import commonplace.events.privacy.DataKeys;
import commonplace.events.privacy.KeysUnavailableException;
import commonplace.events.privacy.PersonalFields;
import commonplace.events.privacy.WithheldReason;
import commonplace.query.privacy.SealedEnvelopes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Map;

/**
 * Turns a Kafka record into an event the projections can apply, or says why it cannot be one. A sealed record is
 * opened with the data keys: a field whose key was erased, or that does not open, becomes a placeholder (named in
 * {@link AppliedEvent#withheld()}); a key source that cannot answer is {@link KeysUnavailableException}, thrown so
 * that the batch is tried again later, never read with placeholders for keys that exist.
 */
final class RecordReader {

    /** Either {@code event} or {@code problem} is set. */
    record Reading(AppliedEvent event, String problem) {

        static Reading of(AppliedEvent event) {
            return new Reading(event, null);
        }

        static Reading unreadable(String problem) {
            return new Reading(null, problem);
        }
    }

    private RecordReader() {
    }

    static Reading read(ConsumerRecord<byte[], byte[]> record, DataKeys keys) {
        return read(record.value(), keys);
    }

    /** Reads a record value: one that came from Kafka, or one stored while its topic was parked. */
    static Reading read(byte[] value, DataKeys keys) {
        if (value == null) {
            return Reading.unreadable("record has no value");
        }
        if (SealedEnvelopes.maySeal(value)) {
            return readSealed(value, keys);
        }
        DecodedEnvelope envelope;
        try {
            envelope = DecodedEnvelope.fromJson(value);
        } catch (UnreadableEventException e) {
            return Reading.unreadable(e.getMessage());
        }
        return checked(envelope, value, Map.of());
    }

    private static Reading readSealed(byte[] value, DataKeys keys) {
        OpenedEnvelope read;
        try {
            read = OpenedEnvelope.fromJson(value, keys);
        } catch (KeysUnavailableException e) {
            throw e;
        } catch (UnreadableEventException e) {
            return Reading.unreadable(e.getMessage());
        } catch (RuntimeException e) {
            return Reading.unreadable("not a readable event: " + e.getClass().getSimpleName());
        }
        return checked(read.envelope(), value, read.withheld());
    }

    private static Reading checked(DecodedEnvelope envelope, byte[] value, Map<String, WithheldReason> withheld) {
        DiscussionEvent event = envelope.event();
        if (!Identifiers.isTopicId(envelope.topicId())) {
            return Reading.unreadable("topicId is not a topic id");
        }
        if (!envelope.topicId().equals(event.topicId())) {
            return Reading.unreadable("payload topicId differs from the envelope's");
        }
        String missing = missingField(event, withheld);
        if (missing != null) {
            return Reading.unreadable(envelope.type() + " payload has no " + missing);
        }
        return Reading.of(new AppliedEvent(envelope, new Utf8Text(value), withheld));
    }

    /** The first field a projection relies on that the payload lacks (and does not withhold), or null. */
    private static String missingField(DiscussionEvent event, Map<String, WithheldReason> withheld) {
        String missing = missingField(event);
        // only a personal field may be a placeholder: a forged withheld cannot excuse an id or a title
        return missing != null && withheld.containsKey(missing)
                && PersonalFields.find(EventTypes.of(event).name(), missing) != null ? null : missing;
    }

    private static String missingField(DiscussionEvent event) {
        if (event.authorId() == null) {
            return "authorId";
        }
        if (event instanceof TopicOpened opened && opened.title() == null) {
            return "title";
        }
        if (event instanceof CommentPosted posted) {
            return posted.commentId() == null ? "commentId" : posted.body() == null ? "body" : null;
        }
        if (event instanceof ReplyPosted reply) {
            return reply.commentId() == null ? "commentId"
                    : reply.parentId() == null ? "parentId" : reply.body() == null ? "body" : null;
        }
        if (event instanceof CommentEdited edited) {
            return edited.commentId() == null ? "commentId" : edited.body() == null ? "body" : null;
        }
        if (event instanceof CommentRetracted retracted && retracted.commentId() == null) {
            return "commentId";
        }
        if (event instanceof LinkShared link) {
            return link.shareId() == null ? "shareId" : link.url() == null ? "url"
                    : link.normalizedUrl() == null ? "normalizedUrl" : link.domain() == null ? "domain" : null;
        }
        return null;
    }
}
