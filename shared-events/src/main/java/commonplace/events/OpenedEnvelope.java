package commonplace.events;

import commonplace.events.privacy.DataKeys;
import commonplace.events.privacy.DecryptedEvent;
import commonplace.events.privacy.WithheldReason;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored or published envelope read with the data keys: decoded into the current version of its record, each
 * personal field it could not restore null and named in {@code withheld} with the reason.
 */
public record OpenedEnvelope(DecodedEnvelope envelope, Map<String, WithheldReason> withheld) {

    public OpenedEnvelope {
        withheld = Collections.unmodifiableMap(new LinkedHashMap<>(withheld));
    }

    /**
     * What {@code EventEnvelope.fromJson(json).read(keys)} gives, read in one pass when the record is of the usual
     * kind (as {@link DecodedEnvelope#fromJson(byte[])} reads a plaintext one): same event, same placeholders, same
     * failures.
     *
     * @throws UnreadableEventException when the bytes are not an envelope of a readable event
     * @throws commonplace.events.privacy.KeysUnavailableException when the key source cannot answer now
     */
    public static OpenedEnvelope fromJson(byte[] json, DataKeys keys) {
        OpenedEnvelope read = DecodedEnvelope.inOnePass(json, keys);
        if (read != null) {
            return read;
        }
        EventEnvelope envelope = EventEnvelope.fromJson(json);
        DecryptedEvent decrypted = envelope.read(keys);
        return new OpenedEnvelope(DecodedEnvelope.of(envelope, decrypted.event()), decrypted.withheld());
    }
}
