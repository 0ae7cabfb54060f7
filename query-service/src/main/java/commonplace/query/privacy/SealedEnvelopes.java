package commonplace.query.privacy;

import commonplace.events.EventEnvelope;
import commonplace.events.privacy.DataKeys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Envelopes as they are stored and published, sealed; opened on read with the data keys. An envelope with neither an
 * {@code encrypted} nor a {@code withheld} block is plaintext (written before sealing existed) and is read as it is.
 */
public final class SealedEnvelopes {

    private static final byte[] ENCRYPTED = "\"encrypted\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] WITHHELD = "\"withheld\"".getBytes(StandardCharsets.UTF_8);

    private SealedEnvelopes() {
    }

    /**
     * True when the envelope may carry sealed or withheld fields (a plaintext body may name them too: then it is read
     * the long way). One pass over the bytes: this runs for every record the service reads.
     */
    public static boolean maySeal(byte[] json) {
        for (int at = indexOf(json, (byte) '"', 0); at >= 0; at = indexOf(json, (byte) '"', at + 1)) {
            if (startsWith(json, at, ENCRYPTED) || startsWith(json, at, WITHHELD)) {
                return true;
            }
        }
        return false;
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

    /** Where {@code part} first starts in {@code text} at or after {@code from}, or -1. */
    public static int indexOf(byte[] text, byte[] part, int from) {
        for (int at = indexOf(text, part[0], from); at >= 0; at = indexOf(text, part[0], at + 1)) {
            if (startsWith(text, at, part)) {
                return at;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] text, byte b, int from) {
        for (int i = from; i < text.length; i++) {
            if (text[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] text, int at, byte[] part) {
        return text.length - at >= part.length
                && Arrays.equals(text, at, at + part.length, part, 0, part.length);
    }
}
