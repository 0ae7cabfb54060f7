package commonplace.query.privacy;

import commonplace.events.EventEnvelope;
import commonplace.events.privacy.DataKeys;

import java.nio.charset.StandardCharsets;

/**
 * Envelopes as they are stored and published, sealed; opened on read with the data keys. An envelope with neither an
 * {@code encrypted} nor a {@code withheld} block is plaintext (written before sealing existed) and is read as it is.
 */
public final class SealedEnvelopes {

    private static final byte[] ENCRYPTED = "\"encrypted\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] WITHHELD = "\"withheld\"".getBytes(StandardCharsets.UTF_8);

    private SealedEnvelopes() {
    }

    /** True when the envelope may carry sealed or withheld fields (a plaintext body may name them too: then it is read the long way). */
    public static boolean maySeal(byte[] json) {
        return contains(json, ENCRYPTED) || contains(json, WITHHELD);
    }

    public static boolean maySeal(String json) {
        return json.contains("\"encrypted\"") || json.contains("\"withheld\"");
    }

    /**
     * The stored envelope in decrypted form: its personal fields restored, or named in {@code withheld}.
     *
     * @throws commonplace.events.UnreadableEventException when it is not an envelope
     * @throws commonplace.events.privacy.KeysUnavailableException when the key endpoint cannot answer now
     */
    public static EventEnvelope open(String json, DataKeys keys) {
        EventEnvelope envelope = EventEnvelope.fromJson(json.getBytes(StandardCharsets.UTF_8));
        return maySeal(json) ? envelope.decrypted(keys) : envelope;
    }

    private static boolean contains(byte[] text, byte[] part) {
        outer:
        for (int i = 0; i <= text.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (text[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
