package commonplace.command.privacy;

import commonplace.command.support.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Key-encryption keys and service tokens for the privacy tests; published test values that protect nothing. */
final class TestKeys {

    /** base64 of 32 bytes: the key-encryption key the tests' command service runs with. */
    static final String KEK = "Y29tbWFuZC1zZXJ2aWNlLXRlc3RzLWtlay0zMi1ieXQ=";
    /** Another one, as if configured before a rotation. */
    static final String PREVIOUS_KEK = "cHJldmlvdXMta2V5LWVuY3J5cHRpb24ta2V5LTMyYnk=";

    private TestKeys() {
    }

    /** A service token for a trusted consumer: its subject names the consumer, its roles grant reading keys. */
    static String keyReader(String consumer) {
        return Tokens.mint(Tokens.SECRET, consumer, "commonplace " + consumer, List.of(KeyReader.ROLE),
                Instant.now().plus(Duration.ofHours(1)));
    }
}
