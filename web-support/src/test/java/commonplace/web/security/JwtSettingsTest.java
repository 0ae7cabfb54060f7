package commonplace.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtSettingsTest {

    @Test
    void refusesAMissingSecretWithOneClearLine() {
        assertThatThrownBy(() -> secret("").secretKey())
                .isInstanceOf(InvalidJwtSettingsException.class)
                .hasMessageStartingWith("COMMONPLACE_JWT_SECRET is not set")
                .hasMessageContaining("COMMONPLACE_JWT_SECRET must be set to at least 32 bytes")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> secret("").secretKey())
                .isInstanceOf(InvalidJwtSettingsException.class)
                .hasMessageContaining("COMMONPLACE_JWT_SECRET must be set to at least 32 bytes");
    }

    @Test
    void refusesASecretShorterThan32Bytes() {
        assertThatThrownBy(() -> secret("x".repeat(31)).secretKey())
                .hasMessage("COMMONPLACE_JWT_SECRET has 31 bytes: HS256 needs at least 32 bytes");
        assertThatThrownBy(() -> secret("short").secretKey())
                .isInstanceOf(InvalidJwtSettingsException.class);
        assertThatCode(() -> secret("æ".repeat(16)).secretKey()).doesNotThrowAnyException();
        assertThat(secret("x".repeat(32)).secretKey()).hasSize(32);
    }

    @Test
    void needsNoSecretWhenAJwkSetIsConfigured() {
        assertThat(jwks("https://issuer.example/jwks").usesJwkSet()).isTrue();
        assertThat(jwks(" ").usesJwkSet()).isFalse();
    }

    @Test
    void startUpFailureIsReportedWithoutAStackTrace() {
        InvalidJwtSettingsException cause = InvalidJwtSettingsException.secretTooShort(0);
        FailureAnalysis analysis = new JwtSettingsFailureAnalyzer()
                .analyze(new IllegalStateException("context failed", cause));
        assertThat(analysis.getDescription()).isEqualTo(cause.getMessage()).contains("COMMONPLACE_JWT_SECRET");
        assertThat(analysis.getAction()).contains("COMMONPLACE_JWT_SECRET");
    }

    private static JwtSettings jwks(String uri) {
        return new JwtSettings("", uri, null, null, Duration.ofHours(24), false);
    }

    private static JwtSettings secret(String secret) {
        return new JwtSettings(secret, null, null, null, Duration.ofHours(24), false);
    }
}
