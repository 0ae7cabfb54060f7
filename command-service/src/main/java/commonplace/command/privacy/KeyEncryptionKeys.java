package commonplace.command.privacy;

import commonplace.events.privacy.KeyEncryptionKey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key-encryption key that wraps new data keys, and the previous ones that still unwrap rows written before a
 * rotation (until they are re-wrapped). Read once at start-up; a missing or malformed one stops the service there.
 */
final class KeyEncryptionKeys {

    private final KeyEncryptionKey current;
    private final Map<String, KeyEncryptionKey> byId = new LinkedHashMap<>();

    KeyEncryptionKeys(KeyEncryptionKey current, List<KeyEncryptionKey> previous) {
        this.current = current;
        byId.put(current.id(), current);
        previous.forEach(key -> byId.putIfAbsent(key.id(), key));
    }

    static KeyEncryptionKeys from(PrivacySettings settings) {
        KeyEncryptionKey current = parse("COMMONPLACE_KEY_ENCRYPTION_KEY", settings.keyEncryptionKey());
        List<KeyEncryptionKey> previous = settings.previousKeyEncryptionKeys().stream()
                .map(value -> parse("COMMONPLACE_PREVIOUS_KEY_ENCRYPTION_KEYS", value)).toList();
        return new KeyEncryptionKeys(current, previous);
    }

    private static KeyEncryptionKey parse(String variable, String value) {
        try {
            return KeyEncryptionKey.fromBase64(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyEncryptionKeyException(variable, e.getMessage());
        }
    }

    KeyEncryptionKey current() {
        return current;
    }

    Optional<KeyEncryptionKey> byId(String kekId) {
        return Optional.ofNullable(byId.get(kekId));
    }
}
