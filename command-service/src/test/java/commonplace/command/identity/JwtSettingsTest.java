package commonplace.command.identity;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtSettingsTest {

    @Test
    void refusesAMissingSecretWithOneClearLine() {
        assertThatThrownBy(() -> new JwtSettings("", null).secretKey())
                .isInstanceOf(InvalidJwtSecretException.class)
                .hasMessageStartingWith("COMMONPLACE_JWT_SECRET is not set")
                .hasMessageNotContaining("\n");
    }

    @Test
    void refusesASecretShorterThan32Bytes() {
        assertThatThrownBy(() -> new JwtSettings("x".repeat(31), null).secretKey())
                .hasMessage("COMMONPLACE_JWT_SECRET has 31 bytes: HS256 needs at least 32 bytes");
        assertThatCode(() -> new JwtSettings("æ".repeat(16), null).secretKey()).doesNotThrowAnyException();
    }

    @Test
    void needsNoSecretWhenAJwkSetIsConfigured() {
        assertThat(new JwtSettings("", "https://issuer.example/jwks").usesJwkSet()).isTrue();
        assertThat(new JwtSettings("", " ").usesJwkSet()).isFalse();
    }

    @Test
    void startUpFailureIsReportedWithoutAStackTrace() {
        InvalidJwtSecretException cause = new InvalidJwtSecretException(0);
        FailureAnalysis analysis = new InvalidJwtSecretFailureAnalyzer()
                .analyze(new IllegalStateException("context failed", cause));
        assertThat(analysis.getDescription()).isEqualTo(cause.getMessage());
        assertThat(analysis.getAction()).contains("COMMONPLACE_JWT_SECRET");
    }
}
