package commonplace.events.privacy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import commonplace.events.DiscussionEvent;

import java.io.IOException;
import java.util.Map;

/**
 * A sealed payload read in one pass over the record: its plaintext fields kept as tokens, its {@code encrypted} block
 * apart; once the envelope around it is read, the block is opened and the whole bound into its record. This gives
 * what {@code EventEnvelope.read(keys)} gives without building, copying and converting the payload's tree, which is
 * most of what reading a sealed record costs beyond the decryption itself (every reader of the feed and every
 * replay reads each record this way).
 */
public final class SealedPayload {

    private final String type;
    private final TokenBuffer plaintext;
    private final JsonNode block;
    private final String authorId;
    private boolean opened;

    private SealedPayload(String type, TokenBuffer plaintext, JsonNode block, String authorId) {
        this.type = type;
        this.plaintext = plaintext;
        this.block = block;
        this.authorId = authorId;
    }

    /**
     * Reads the payload object the parser stands on (its {@code START_OBJECT}), of an event of {@code type}, up to
     * and including its {@code END_OBJECT}. Null when it is not the usual sealed kind, which the caller then reads
     * the tree way: no block, or more than one, a {@code withheld} object, a personal field in plaintext, or an
     * {@code authorId} that is not one text.
     */
    public static SealedPayload read(JsonParser parser, String type) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return null;
        }
        TokenBuffer plaintext = new TokenBuffer(parser);
        plaintext.writeStartObject();
        JsonNode block = null;
        String authorId = null;
        boolean authorSeen = false;
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            if (PayloadEncryption.ENCRYPTED.equals(name)) {
                if (block != null) {
                    return null;
                }
                parser.nextToken();
                block = parser.readValueAsTree();
                continue;
            }
            if (PayloadEncryption.WITHHELD.equals(name) || PersonalFields.find(type, name) != null) {
                return null;
            }
            plaintext.copyCurrentStructure(parser);
            if ("authorId".equals(name)) {
                if (authorSeen || parser.currentToken() != JsonToken.VALUE_STRING) {
                    return null;
                }
                authorSeen = true;
                authorId = parser.getText();
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT || block == null) {
            return null;
        }
        return new SealedPayload(type, plaintext, block, authorId);
    }

    /**
     * The payload opened with {@code keys} for the event at {@code context}, bound by {@code reader} (its type's
     * current record): as {@code EventEnvelope.read(keys)}, each field that does not open null and named.
     *
     * @throws IOException when the payload does not fit the record
     * @throws KeysUnavailableException when the key source cannot answer now
     */
    public DecryptedEvent open(EventContext context, ObjectReader reader, DataKeys keys) throws IOException {
        if (!type.equals(context.type())) {
            throw new IllegalArgumentException("the payload was read as a " + type + " event");
        }
        if (opened) {
            throw new IllegalStateException("a sealed payload is opened once");
        }
        opened = true;
        PayloadDecryption.OpenedFields opened = PayloadDecryption.open(context, block, authorId, keys,
                name -> false);
        for (Map.Entry<String, String> field : opened.plaintext().entrySet()) {
            plaintext.writeStringField(field.getKey(), field.getValue());
        }
        plaintext.writeEndObject();
        try (JsonParser tokens = plaintext.asParser()) {
            DiscussionEvent event = reader.readValue(tokens);
            return new DecryptedEvent(event, opened.withheld());
        }
    }
}
