package commonplace.events;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque {@code position} a command answer carries and the query service's {@code consistentWith} accepts:
 * "the event with this sequence in this topic". Clients must treat the encoded form as an opaque string.
 */
public record ConsistencyPosition(String topicId, long sequence) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public String encode() {
        return ENCODER.encodeToString((topicId + '@' + sequence).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a position a client sent back; empty when it is not one this service issued. */
    public static Optional<ConsistencyPosition> decode(String encoded) {
        if (encoded == null || encoded.isEmpty() || encoded.length() > 400) {
            return Optional.empty();
        }
        try {
            String plain = new String(DECODER.decode(encoded), StandardCharsets.UTF_8);
            int at = plain.lastIndexOf('@');
            if (at <= 0) {
                return Optional.empty();
            }
            String topicId = plain.substring(0, at);
            long sequence = Long.parseLong(plain.substring(at + 1));
            if (!Identifiers.isTopicId(topicId) || sequence < 1) {
                return Optional.empty();
            }
            return Optional.of(new ConsistencyPosition(topicId, sequence));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
