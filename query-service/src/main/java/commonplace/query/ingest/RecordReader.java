package commonplace.query.ingest;

import commonplace.events.CommentEdited;
import commonplace.events.CommentPosted;
import commonplace.events.CommentRetracted;
import commonplace.events.DecodedEnvelope;
import commonplace.events.DiscussionEvent;
import commonplace.events.Identifiers;
import commonplace.events.LinkShared;
import commonplace.events.ReplyPosted;
import commonplace.events.TopicOpened;
import commonplace.events.UnreadableEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Turns a Kafka record into an event the projections can apply, or says why it cannot be one. */
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

    static Reading read(ConsumerRecord<byte[], byte[]> record) {
        return read(record.value());
    }

    /** Reads a record value: one that came from Kafka, or one stored while its topic was parked. */
    static Reading read(byte[] value) {
        if (value == null) {
            return Reading.unreadable("record has no value");
        }
        DecodedEnvelope envelope;
        try {
            envelope = DecodedEnvelope.fromJson(value);
        } catch (UnreadableEventException e) {
            return Reading.unreadable(e.getMessage());
        }
        DiscussionEvent event = envelope.event();
        if (!Identifiers.isTopicId(envelope.topicId())) {
            return Reading.unreadable("topicId is not a topic id");
        }
        if (!envelope.topicId().equals(event.topicId())) {
            return Reading.unreadable("payload topicId differs from the envelope's");
        }
        String missing = missingField(event);
        if (missing != null) {
            return Reading.unreadable(envelope.type() + " payload has no " + missing);
        }
        return Reading.of(new AppliedEvent(envelope, new Utf8Text(value), java.util.Map.of()));
    }

    /** The first field a projection relies on that the payload lacks, or null. */
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
