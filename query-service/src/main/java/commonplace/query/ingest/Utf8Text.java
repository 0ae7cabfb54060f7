package commonplace.query.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Text that is already UTF-8 bytes, such as a record value as it came from Kafka: COPY takes the bytes as they are,
 * instead of decoding them into a String only to encode them again.
 */
public record Utf8Text(byte[] bytes) {

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
