package commonplace.command.privacy;

import commonplace.events.privacy.KeyEncryptionKey;

import java.net.InetAddress;
import java.net.UnknownHostException;
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
        return from(settings, null);
    }

    /**
     * The keys the settings name; the published development key only when the launcher allowed it and the service
     * listens on loopback alone ({@code serverAddress}), the rule of the development token secret.
     */
    static KeyEncryptionKeys from(PrivacySettings settings, String serverAddress) {
        String configured = settings.keyEncryptionKey();
        if (configured != null && KeyEncryptionKey.DEVELOPMENT_KEY.equals(configured.strip())
                && !(settings.allowDevelopmentKey() && isLoopback(serverAddress))) {
            throw new InvalidKeyEncryptionKeyException("COMMONPLACE_KEY_ENCRYPTION_KEY", "is the published development"
                    + " key, which only ./commonplace up may give a service that listens on loopback");
        }
        KeyEncryptionKey current = parse("COMMONPLACE_KEY_ENCRYPTION_KEY", configured);
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

    private static boolean isLoopback(String serverAddress) {
        if (serverAddress == null || serverAddress.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(serverAddress.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    KeyEncryptionKey current() {
        return current;
    }

    Optional<KeyEncryptionKey> byId(String kekId) {
        return Optional.ofNullable(byId.get(kekId));
    }
}
