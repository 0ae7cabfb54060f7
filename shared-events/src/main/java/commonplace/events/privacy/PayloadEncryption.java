package commonplace.events.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import commonplace.events.DiscussionEvent;
import commonplace.events.EventJson;
import commonplace.events.EventTypes;
import commonplace.events.privacy.PersonalFields.PersonalField;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Seals a payload's personal fields under its writer's data key, once, when the event is stored: each field is taken
 * out of the payload and put, sealed, into its {@code encrypted} block with the key id and algorithm, so that the
 * stored and published form names exactly what is sealed and under which key. Fields that are absent stay absent.
 */
public final class PayloadEncryption {

    static final String ENCRYPTED = "encrypted";
    static final String ALGORITHM = "algorithm";
    static final String KEY_ID = "keyId";
    static final String FIELDS = "fields";
    static final String WITHHELD = "withheld";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private PayloadEncryption() {
    }

    /** The event's payload in its sealed form. */
    public static ObjectNode encrypt(EventContext event, DiscussionEvent payload, DataKey key) {
        if (!EventTypes.of(payload).name().equals(event.type())) {
            throw new IllegalArgumentException("the context is of a " + event.type() + " event");
        }
        // a fresh tree of its own: sealed in place, without the copy the public form makes
        return sealInPlace(event, EventJson.mapper().<ObjectNode>valueToTree(payload), key);
    }

    /**
     * A copy of {@code payload} (a plaintext payload of {@code event.type()}) with its personal fields sealed.
     *
     * @throws IllegalArgumentException when the key is not the writer's, the payload is sealed already or withholds a
     *                                  field, a personal field is not text, or the context is ambiguous
     */
    public static ObjectNode encrypt(EventContext event, ObjectNode payload, DataKey key) {
        return sealInPlace(event, payload.deepCopy(), key);
    }

    private static ObjectNode sealInPlace(EventContext event, ObjectNode sealed, DataKey key) {
        if (!event.unambiguous()) {
            throw new IllegalArgumentException("an event context needs an id, topic, type and sequence without line breaks");
        }
        if (sealed.has(ENCRYPTED) || sealed.has(WITHHELD)) {
            throw new IllegalArgumentException("only a plaintext payload can be sealed");
        }
        if (!key.authorId().equals(sealed.path("authorId").asText(null))) {
            throw new IllegalArgumentException("a payload is sealed under its own writer's key");
        }
        ObjectNode fields = EventJson.mapper().createObjectNode();
        for (PersonalField field : PersonalFields.of(event.type())) {
            JsonNode value = sealed.remove(field.name());
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isTextual()) {
                throw new IllegalArgumentException(event.type() + "." + field.name() + " is not text");
            }
            byte[] bytes = FieldCipher.seal(key.secretKey(), event.associatedData(key.keyId(), field.name()),
                    value.textValue().getBytes(StandardCharsets.UTF_8));
            fields.put(field.name(), BASE64URL.encodeToString(bytes));
        }
        if (fields.isEmpty()) {
            return sealed;
        }
        ObjectNode encrypted = sealed.putObject(ENCRYPTED);
        encrypted.put(ALGORITHM, FieldCipher.ALGORITHM);
        encrypted.put(KEY_ID, key.keyId());
        encrypted.set(FIELDS, fields);
        return sealed;
    }
}
