package commonplace.command.privacy;

import commonplace.command.CommandServiceApplication;
import commonplace.command.support.Tokens;
import commonplace.events.privacy.KeyEncryptionKey;
import commonplace.testing.IsolatedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real service does not start without a key-encryption key, with a malformed one, or with the published
 * development key unless started the way {@code ./commonplace up} starts it (told so, on loopback alone); the refusal
 * never repeats the value.
 */
class KeyEncryptionKeyRequiredTest {

    private static final IsolatedInfrastructure INFRASTRUCTURE =
            IsolatedInfrastructure.forTestClass(KeyEncryptionKeyRequiredTest.class);
    private static final String MALFORMED = "bm90LTMyLWJ5dGVz";

    @Test
    void theServiceRefusesToStartWithoutAUsableKey() {
        for (Map<String, String> settings : new Map[] {
                Map.of("COMMONPLACE_KEY_ENCRYPTION_KEY", ""),
                Map.of("COMMONPLACE_KEY_ENCRYPTION_KEY", "   "),
                Map.of("COMMONPLACE_KEY_ENCRYPTION_KEY", MALFORMED),
                Map.of("COMMONPLACE_KEY_ENCRYPTION_KEY", KeyEncryptionKey.DEVELOPMENT_KEY),
                Map.of("COMMONPLACE_KEY_ENCRYPTION_KEY", KeyEncryptionKey.DEVELOPMENT_KEY,
                        "server.address", "127.0.0.1"),
                Map.of("COMMONPLACE_KEY_ENCRYPTION_KEY", KeyEncryptionKey.DEVELOPMENT_KEY,
                        "COMMONPLACE_KEY_ENCRYPTION_KEY_ALLOW_DEVELOPMENT", "true", "server.address", "0.0.0.0"),
                Map.of("COMMONPLACE_KEY_ENCRYPTION_KEY", KeyEncryptionKey.DEVELOPMENT_KEY,
                        "COMMONPLACE_KEY_ENCRYPTION_KEY_ALLOW_DEVELOPMENT", "true")}) {
            assertThatThrownBy(() -> start(settings).close()).as(settings.toString())
                    .isInstanceOf(InvalidKeyEncryptionKeyException.class)
                    .hasMessageStartingWith("COMMONPLACE_KEY_ENCRYPTION_KEY")
                    .hasMessageNotContaining(MALFORMED).hasMessageNotContaining(KeyEncryptionKey.DEVELOPMENT_KEY)
                    .satisfies(refusal -> {
                        FailureAnalysis analysis = new InvalidKeyEncryptionKeyFailureAnalyzer().analyze(refusal);
                        assertThat(analysis.getAction()).contains("openssl rand -base64 32")
                                .doesNotContain(MALFORMED);
                    });
        }
    }

    @Test
    void startedAsTheLauncherStartsItTheServiceTakesTheDevelopmentKey() {
        try (ConfigurableApplicationContext service = start(Map.of(
                "COMMONPLACE_KEY_ENCRYPTION_KEY", KeyEncryptionKey.DEVELOPMENT_KEY,
                "COMMONPLACE_KEY_ENCRYPTION_KEY_ALLOW_DEVELOPMENT", "true", "server.address", "127.0.0.1"))) {
            assertThat(((WebServerApplicationContext) service).getWebServer().getPort()).isPositive();
        }
    }

    private static ConfigurableApplicationContext start(Map<String, String> settings) {
        Map<String, Object> properties = new HashMap<>(INFRASTRUCTURE.environment());
        properties.put("COMMONPLACE_JWT_SECRET", Tokens.SECRET);
        properties.putAll(settings);
        return new SpringApplicationBuilder(CommandServiceApplication.class).properties(properties)
                // a command-line argument: application.yml names a fixed port, which outranks default properties
                .run("--server.port=0");
    }
}
