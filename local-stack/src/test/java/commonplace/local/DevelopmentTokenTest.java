package commonplace.local;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevelopmentTokenTest {

    private static final String SECRET = "a-test-secret-of-at-least-thirty-two-bytes";
    private static final Instant NOW = Instant.parse("2026-11-25T04:05:06Z");

    @Test
    void a_moderator_token_verifies_with_the_secret_and_carries_author_name_roles_and_expiry() throws Exception {
        String token = TokenCommand.parse(new String[] {"ada", "Ada Lovelace", "--moderator", "--hours", "2"})
                .sign(new JwtSecret(SECRET, false), NOW);

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("ada");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("name")).isEqualTo("Ada Lovelace");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("moderator");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(2)));
    }

    @Test
    void a_plain_token_has_no_roles_the_author_id_as_name_and_a_day_of_validity() throws Exception {
        SignedJWT jwt = SignedJWT.parse(TokenCommand.parse(new String[] {"grace.h"})
                .sign(new JwtSecret(SECRET, false), NOW));

        assertThat(jwt.getJWTClaimsSet().getStringClaim("name")).isEqualTo("grace.h");
        assertThat(jwt.getJWTClaimsSet().getClaim("roles")).isNull();
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void a_token_signed_with_another_secret_does_not_verify() throws Exception {
        SignedJWT jwt = SignedJWT.parse(TokenCommand.parse(new String[] {"ada"})
                .sign(new JwtSecret(SECRET, false), NOW));

        byte[] other = "another-secret-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8);
        assertThat(jwt.verify(new MACVerifier(other))).isFalse();
    }

    @Test
    void without_a_configured_secret_the_documented_development_secret_signs() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = TokenCommand.run(new String[] {"ada", "Åse Ødegård"}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        assertThat(status).isZero();
        SignedJWT jwt = SignedJWT.parse(out.toString(StandardCharsets.UTF_8).trim());
        byte[] development = JwtSecret.DEVELOPMENT_SECRET.getBytes(StandardCharsets.UTF_8);
        assertThat(jwt.verify(new MACVerifier(development))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getStringClaim("name")).isEqualTo("Åse Ødegård");
    }

    @Test
    void a_secret_under_32_bytes_is_refused_without_printing_it() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TokenCommand.run(new String[] {"ada"}, Map.of("COMMONPLACE_JWT_SECRET", "short-secret-31-bytes-long-abcd"),
                new PrintStream(out), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isNotZero();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 32 bytes").doesNotContain("short-secret");
    }

    @Test
    void author_ids_the_services_would_reject_are_refused() {
        assertThatThrownBy(() -> TokenCommand.parse(new String[] {"ada lovelace"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("author id");
        assertThatThrownBy(() -> TokenCommand.parse(new String[] {"ada", "x".repeat(101)}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("display name");
        assertThatThrownBy(() -> TokenCommand.parse(new String[] {"ada", "--hours", "0"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--hours");
    }

    @Test
    void an_admin_token_carries_the_admin_role_as_an_array_and_lives_at_most_what_the_services_accept()
            throws Exception {
        SignedJWT jwt = SignedJWT.parse(TokenCommand.parse(new String[] {"ops", "Operations", "--admin", "--moderator"})
                .sign(new JwtSecret(SECRET, false), NOW));
        assertThat(jwt.getJWTClaimsSet().getClaim("roles")).isEqualTo(List.of("admin", "moderator"));
        assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(NOW);

        assertThatThrownBy(() -> TokenCommand.parse(new String[] {"ada", "--hours", "25"}))
                .hasMessageContaining("from 1 to 24");
        assertThat(TokenCommand.parse(new String[] {"ada", "--hours", "48"}, Duration.ofHours(48)).validity())
                .isEqualTo(Duration.ofHours(48));
        assertThat(TokenCommand.parse(new String[] {"ada"}, Duration.ofHours(2)).validity())
                .isEqualTo(Duration.ofHours(2));
        assertThat(TokenCommand.maximumLifetime(Map.of("COMMONPLACE_JWT_MAX_LIFETIME", "90m")))
                .isEqualTo(Duration.ofMinutes(90));
        assertThat(TokenCommand.maximumLifetime(Map.of("COMMONPLACE_JWT_MAX_LIFETIME", "PT12H")))
                .isEqualTo(Duration.ofHours(12));
        assertThat(TokenCommand.maximumLifetime(Map.of())).isEqualTo(Duration.ofHours(24));
        assertThatThrownBy(() -> new DevelopmentToken("ada", "Ada", List.of("superuser"), Duration.ofHours(1)))
                .hasMessageContaining("moderator and admin");
    }
}
