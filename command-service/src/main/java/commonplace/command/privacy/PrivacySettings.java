package commonplace.command.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * The key store's settings: the key-encryption key ({@code COMMONPLACE_KEY_ENCRYPTION_KEY}, base64 of 32 random
 * bytes), the previous ones still accepted while their rows are re-wrapped after a rotation
 * ({@code COMMONPLACE_PREVIOUS_KEY_ENCRYPTION_KEYS}, comma-separated), and how long unwrapped data keys stay cached.
 */
@ConfigurationProperties("commonplace.privacy")
record PrivacySettings(String keyEncryptionKey, List<String> previousKeyEncryptionKeys, int keyCacheSize,
                       Duration keyCacheTtl, Duration erasureInterval, boolean allowDevelopmentKey) {

    PrivacySettings {
        previousKeyEncryptionKeys = previousKeyEncryptionKeys == null ? List.of()
                : previousKeyEncryptionKeys.stream().filter(key -> key != null && !key.isBlank()).toList();
        keyCacheSize = keyCacheSize <= 0 ? 10_000 : keyCacheSize;
        keyCacheTtl = keyCacheTtl == null ? Duration.ofMinutes(10) : keyCacheTtl;
        erasureInterval = erasureInterval == null || erasureInterval.isNegative() || erasureInterval.isZero()
                ? Duration.ofSeconds(5) : erasureInterval;
    }
}
