package commonplace.command.topic.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Short digests that let the aggregate compare bodies without keeping them in its state. */
final class Hashes {

    private Hashes() {
    }

    static String sha256(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(text));
    }

    /** A 22-character id derived from {@code parts}: the same parts always give the same id. */
    static String derivedId(String... parts) {
        return sha256(String.join("\n", parts)).substring(0, 22);
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
