package commonplace.command.support;

import commonplace.testing.tokens.TestTokens;

import java.time.Instant;
import java.util.List;

/** The command service tests' secret, and the tokens they sign with it (minted by test-support's TestTokens). */
public final class Tokens {

    public static final String SECRET = "command-service-tests-secret-of-more-than-32-bytes";
    private static final TestTokens TOKENS = TestTokens.signedWith(SECRET);

    private Tokens() {
    }

    public static String author(String id, String name) {
        return TOKENS.author(id, name);
    }

    public static String moderator(String id, String name) {
        return TOKENS.moderator(id, name);
    }

    public static String admin(String id, String name) {
        return TOKENS.admin(id, name);
    }

    public static String mint(String secret, String subject, Object name, List<String> roles, Instant expiresAt) {
        return TestTokens.mint(secret, subject, name, roles, expiresAt);
    }
}
