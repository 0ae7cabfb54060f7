package commonplace.query;

import java.time.Instant;
import java.util.List;

/** The query service tests' secret, and the tokens they sign with it (minted by test-support's TestTokens). */
final class TestTokens {

    static final String SECRET = "query-service-tests-secret-long-enough-for-hs256";

    private TestTokens() {
    }

    /** An HS256 token whose payload is exactly {@code json}, so that every claim keeps the JSON type it is given. */
    static String hs256(String secret, String json) {
        return commonplace.testing.tokens.TestTokens.hs256(secret, json);
    }

    static String admin() {
        return mint("ops", "Operations", List.of("admin"), Instant.now().plusSeconds(600));
    }

    static String mint(String subject, Object name, List<String> roles, Instant expiresAt) {
        return mint(SECRET, subject, name, roles, expiresAt);
    }

    static String mint(String secret, String subject, Object name, List<String> roles, Instant expiresAt) {
        return commonplace.testing.tokens.TestTokens.mint(secret, subject, name, roles, expiresAt);
    }
}
