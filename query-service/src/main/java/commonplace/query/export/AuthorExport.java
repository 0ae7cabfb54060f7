package commonplace.query.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import commonplace.events.EventEnvelope;
import commonplace.events.EventJson;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One author's export (GDPR Art. 15 and 20): every event they caused, in decrypted form (every revision, retracted ones
 * included), and the same grouped for people: the topics they opened, their comments with every revision, the links
 * they shared, their retractions and moderation. What was erased is named as withheld, as everywhere.
 */
final class AuthorExport {

    private AuthorExport() {
    }

    static ObjectNode of(String authorId, List<EventEnvelope> events, Map<String, boolean[]> commentStates,
                         Instant exportedAt) {
        ObjectNode export = EventJson.mapper().createObjectNode();
        export.put("authorId", authorId);
        export.put("exportedAt", exportedAt.toString());
        ArrayNode topics = export.putArray("topicsOpened");
        ArrayNode comments = export.putArray("comments");
        ArrayNode links = export.putArray("links");
        ArrayNode retractions = export.putArray("retractions");
        ArrayNode moderation = export.putArray("moderation");
        ArrayNode all = export.putArray("events");
        Map<String, ObjectNode> byComment = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            JsonNode payload = event.payload();
            all.add(EventJson.mapper().<JsonNode>valueToTree(event));
            switch (event.type()) {
                case "TopicOpened" -> topics.addObject().put("topicId", event.topicId())
                        .put("title", text(payload, "title")).put("url", text(payload, "url"))
                        .put("at", event.occurredAt().toString());
                case "CommentPosted", "ReplyPosted" -> {
                    String commentId = text(payload, "commentId");
                    boolean[] state = commentStates.getOrDefault(commentId, new boolean[2]);
                    ObjectNode comment = comments.addObject().put("topicId", event.topicId())
                            .put("commentId", commentId).put("parentId", text(payload, "parentId"))
                            .put("createdAt", event.occurredAt().toString()).put("retracted", state[0])
                            .put("erased", state[1]);
                    comment.putArray("revisions").add(revision(1, payload, event));
                    byComment.put(commentId, comment);
                }
                case "CommentEdited" -> {
                    ObjectNode comment = byComment.get(text(payload, "commentId"));
                    if (comment != null) {
                        ((ArrayNode) comment.get("revisions")).add(revision(payload.path("revision").asInt(), payload,
                                event));
                    }
                }
                case "LinkShared" -> {
                    ObjectNode link = links.addObject().put("topicId", event.topicId())
                            .put("shareId", text(payload, "shareId")).put("commentId", text(payload, "commentId"))
                            .put("origin", text(payload, "origin")).put("url", text(payload, "url"))
                            .put("normalizedUrl", text(payload, "normalizedUrl"))
                            .put("domain", text(payload, "domain")).put("note", text(payload, "note"))
                            .put("at", event.occurredAt().toString());
                    withheld(link, payload);
                }
                case "CommentRetracted" -> {
                    ObjectNode retraction = retractions.addObject().put("topicId", event.topicId())
                            .put("commentId", text(payload, "commentId"))
                            .put("byModerator", payload.path("byModerator").asBoolean())
                            .put("reason", text(payload, "reason")).put("at", event.occurredAt().toString());
                    withheld(retraction, payload);
                }
                case "TopicLocked", "TopicUnlocked" -> {
                    ObjectNode action = moderation.addObject().put("topicId", event.topicId())
                            .put("action", "TopicLocked".equals(event.type()) ? "locked" : "unlocked")
                            .put("reason", text(payload, "reason")).put("at", event.occurredAt().toString());
                    withheld(action, payload);
                }
                default -> {
                    // AuthorErased and anything later: in "events" only
                }
            }
        }
        return export;
    }

    private static ObjectNode revision(int number, JsonNode payload, EventEnvelope event) {
        ObjectNode revision = EventJson.mapper().createObjectNode().put("revision", number)
                .put("body", text(payload, "body")).put("at", event.occurredAt().toString());
        withheld(revision, payload);
        return revision;
    }

    private static void withheld(ObjectNode entry, JsonNode payload) {
        if (payload.has("withheld")) {
            entry.set("withheld", payload.get("withheld").deepCopy());
        }
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
