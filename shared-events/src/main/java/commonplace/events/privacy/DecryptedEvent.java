package commonplace.events.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.DiscussionEvent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event as a reader with keys sees it: the current record, with every personal field it could not restore left
 * null and named in {@code withheld} with the reason (the documented placeholder).
 */
public record DecryptedEvent(DiscussionEvent event, Map<String, WithheldReason> withheld) {

    public DecryptedEvent {
        withheld = Collections.unmodifiableMap(new LinkedHashMap<>(withheld));
    }

    public boolean isWithheld(String field) {
        return withheld.containsKey(field);
    }

    /** The {@code withheld} object of a payload in decrypted form; reasons this code does not know count as unreadable. */
    public static Map<String, WithheldReason> withheldIn(JsonNode payload) {
        JsonNode withheld = payload.path(PayloadEncryption.WITHHELD);
        if (!withheld.isObject()) {
            return Map.of();
        }
        Map<String, WithheldReason> reasons = new LinkedHashMap<>();
        withheld.fields().forEachRemaining(entry -> reasons.put(entry.getKey(),
                WithheldReason.fromWire(entry.getValue().asText(null)).orElse(WithheldReason.UNREADABLE)));
        return reasons;
    }
}
