package commonplace.query.privacy;

import commonplace.events.EventEnvelope;
import commonplace.events.privacy.DataKeys;

import java.nio.charset.StandardCharsets;

/**
 * Envelopes as they are stored and published, sealed; opened on read with the data keys. An envelope with neither an
 * {@code encrypted} nor a {@code withheld} block is plaintext (written before sealing existed) and is read as it is.
 */
public final class SealedEnvelopes {

    private SealedEnvelopes() {
    }

    /**
     * True when the envelope may carry sealed or withheld fields (a plaintext body may name them too: then it is read
     * the long way). This runs for every record the service reads.
     */
    public static boolean maySeal(byte[] json) {
        return maySeal(asText(json));
    }

    /** As {@link #maySeal(byte[])}, for the envelope as text (or as {@link #asText}). */
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

    /**
     * A record's bytes as Latin-1 text: one char per byte, so an ASCII part is found at the byte index where it
     * starts (no byte of a UTF-8 sequence for a non-ASCII character is ASCII), and searching with
     * {@link String#indexOf(String)}, which the JIT compiles to vector instructions, is many times faster than a loop
     * over the bytes. Making it is one copy.
     */
    public static String asText(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
