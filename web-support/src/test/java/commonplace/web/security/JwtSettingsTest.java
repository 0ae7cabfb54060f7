package commonplace.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtSettingsTest {

    @Test
    void refusesAMissingSecretWithOneClearLine() {
        assertThatThrownBy(() -> new JwtSettings("", null).secretKey())
                .isInstanceOf(InvalidJwtSettingsException.class)
                .hasMessageStartingWith("COMMONPLACE_JWT_SECRET is not set")
                .hasMessageContaining("COMMONPLACE_JWT_SECRET must be set to at least 32 bytes")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> new JwtSettings("", "").secretKey())
                .isInstanceOf(InvalidJwtSettingsException.class)
                .hasMessageContaining("COMMONPLACE_JWT_SECRET must be set to at least 32 bytes");
    }

    @Test
    void refusesASecretShorterThan32Bytes() {
        assertThatThrownBy(() -> new JwtSettings("x".repeat(31), null).secretKey())
                .hasMessage("COMMONPLACE_JWT_SECRET has 31 bytes: HS256 needs at least 32 bytes");
        assertThatThrownBy(() -> new JwtSettings("short", null).secretKey())
                .isInstanceOf(InvalidJwtSettingsException.class);
        assertThatCode(() -> new JwtSettings("æ".repeat(16), null).secretKey()).doesNotThrowAnyException();
        assertThat(new JwtSettings("x".repeat(32), null).secretKey()).hasSize(32);
    }

    @Test
    void needsNoSecretWhenAJwkSetIsConfigured() {
        assertThat(new JwtSettings("", "https://issuer.example/jwks").usesJwkSet()).isTrue();
        assertThat(new JwtSettings("", " ").usesJwkSet()).isFalse();
    }

    @Test
    void startUpFailureIsReportedWithoutAStackTrace() {
        InvalidJwtSettingsException cause = InvalidJwtSettingsException.secretTooShort(0);
        FailureAnalysis analysis = new JwtSettingsFailureAnalyzer()
                .analyze(new IllegalStateException("context failed", cause));
        assertThat(analysis.getDescription()).isEqualTo(cause.getMessage()).contains("COMMONPLACE_JWT_SECRET");
        assertThat(analysis.getAction()).contains("COMMONPLACE_JWT_SECRET");
    }
}
