package commonplace.command.publishing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import commonplace.events.EventJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A payload as the event store holds it, put into an envelope without being bound to its record and written again:
 * the stored JSON (compact, written by commonplace) goes into the envelope as it is. Reading a stored event back into
 * its record and its tree and serialising that again was a third of the publisher's time.
 */
record StoredPayload(JsonNode payload, String authorId) {

    /** The stored JSON of a payload (as the store holds it, or as an upcaster left it). */
    static StoredPayload of(byte[] json) {
        return new StoredPayload(new POJONode(new RawValue(new String(json, StandardCharsets.UTF_8))),
                topLevelText(json, "authorId"));
    }

    /** The text of one top-level field, found without reading more of the document than the fields before it. */
    static String topLevelText(byte[] json, String field) {
        try (JsonParser parser = EventJson.mapper().getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a stored payload is a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(field)) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            throw new IllegalArgumentException("a stored payload is JSON", e);
        }
    }
}
