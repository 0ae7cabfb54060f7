package commonplace.query.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import commonplace.events.EventEnvelope;
import commonplace.events.privacy.WithheldReason;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What anonymous readers are never shown: any revision of a retracted comment's text (its bodies, the links found in
 * them or shared onto it), the reason given for any retraction (both withheld as {@code retracted}) and the reason
 * given for any lock, a moderator's text that is never public ({@code private}). Applied to an envelope in decrypted
 * form, it names each field it takes out in {@code withheld} with that reason, the documented placeholder; the
 * envelope keeps its id, type, sequence and every other field.
 */
public final class PublicRedaction {

    private static final Map<String, List<String>> TEXT_OF_A_COMMENT = Map.of(
            "CommentPosted", List.of("body"),
            "ReplyPosted", List.of("body"),
            "CommentEdited", List.of("body"),
            "LinkShared", List.of("url", "normalizedUrl", "domain", "note"));
    private static final List<String> REASON = List.of("reason");

    private PublicRedaction() {
    }

    /** True when {@link #redact} may change an envelope of this type for a topic with these retracted comments. */
    public static boolean mayRedact(String type, Set<String> retractedCommentIds) {
        return "CommentRetracted".equals(type) || "TopicLocked".equals(type)
                || !retractedCommentIds.isEmpty() && TEXT_OF_A_COMMENT.containsKey(type);
    }

    /** The envelope as anonymous readers may see it; the same instance when nothing is withheld. */
    public static EventEnvelope redact(EventEnvelope envelope, Set<String> retractedCommentIds) {
        if (!(envelope.payload() instanceof ObjectNode payload)) {
            return envelope;
        }
        List<String> fields;
        WithheldReason reason = WithheldReason.RETRACTED;
        if ("CommentRetracted".equals(envelope.type())) {
            fields = REASON;
        } else if ("TopicLocked".equals(envelope.type())) {
            fields = REASON;
            reason = WithheldReason.PRIVATE;
        } else if (retractedCommentIds.contains(payload.path("commentId").asText(""))) {
            fields = TEXT_OF_A_COMMENT.getOrDefault(envelope.type(), List.of());
        } else {
            return envelope;
        }
        ObjectNode redacted = null;
        for (String field : fields) {
            JsonNode value = payload.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (redacted == null) {
                redacted = payload.deepCopy();
            }
            redacted.remove(field);
            JsonNode withheld = redacted.get("withheld");
            ObjectNode reasons = withheld instanceof ObjectNode existing ? existing : redacted.putObject("withheld");
            reasons.put(field, reason.wire());
        }
        return redacted == null ? envelope : new EventEnvelope(envelope.eventId(), envelope.type(),
                envelope.schemaVersion(), envelope.topicId(), envelope.sequence(), envelope.occurredAt(),
                envelope.authorId(), redacted);
    }
}
