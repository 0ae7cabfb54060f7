package commonplace.events.privacy;

import java.nio.charset.StandardCharsets;

/**
 * Where a sealed field sits: the event (id, topic, sequence, type). Bound into every field's associated data together
 * with the key id and the field name, so a ciphertext opens only in the place it was written for: copied into
 * another event, another topic or position, or another field, it does not open.
 */
public record EventContext(String eventId, String topicId, long sequence, String type) {

    static final String AAD_VERSION = "commonplace-field-v1";

    /** True when every part is present and none holds a line break (the associated data separates parts by one). */
    public boolean unambiguous() {
        return plain(eventId) && plain(topicId) && plain(type) && sequence >= 1;
    }

    byte[] associatedData(String keyId, String field) {
        return String.join("\n", AAD_VERSION, keyId, eventId, topicId, Long.toString(sequence), type, field)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static boolean plain(String part) {
        return part != null && !part.isEmpty() && part.indexOf('\n') < 0;
    }
}
