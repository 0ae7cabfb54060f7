package commonplace.events.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The opaque {@code position} an erasure's answer carries: "the erasure {@code erasureId}, recorded in
 * {@code topicCount} topics". A reader has applied it once it has applied that erasure's {@code AuthorErased} in
 * as many topics. Its encoded form can never be read as a {@link commonplace.events.ConsistencyPosition} (nor the
 * other way round), so a service can accept both where one is expected.
 */
public record ErasurePosition(String erasureId, int topicCount) {

    /** An erasure id: {@code er_} and 128 random bits in base64url. */
    public static final Pattern ERASURE_ID = Pattern.compile("er_[A-Za-z0-9_-]{22}");

    private static final String PREFIX = "erasure\n";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    public ErasurePosition {
        if (erasureId == null || !ERASURE_ID.matcher(erasureId).matches() || topicCount < 1) {
            throw new IllegalArgumentException("an erasure position names an erasure id and at least one topic");
        }
    }

    public static String newErasureId() {
        return "er_" + ENCODER.encodeToString(FieldCipher.randomBytes(16));
    }

    public String encode() {
        return ENCODER.encodeToString((PREFIX + erasureId + "\n" + topicCount).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a position a client sent back; empty when it is not an erasure position this service issued. */
    public static Optional<ErasurePosition> decode(String encoded) {
        if (encoded == null || encoded.isEmpty() || encoded.length() > 100) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            if (!plain.startsWith(PREFIX)) {
                return Optional.empty();
            }
            String[] parts = plain.substring(PREFIX.length()).split("\n", -1);
            if (parts.length != 2 || !parts[1].matches("[1-9][0-9]{0,8}")) {
                return Optional.empty();
            }
            return Optional.of(new ErasurePosition(parts[0], Integer.parseInt(parts[1])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
