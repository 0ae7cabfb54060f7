package commonplace.local;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The HS256 secret the services verify tokens with: its UTF-8 bytes are the key. Without
 * {@code COMMONPLACE_JWT_SECRET} the local stack uses a fixed development secret, documented in the README, so that
 * anyone can mint tokens for it: never use it anywhere else.
 */
record JwtSecret(String value, boolean development) {

    static final String DEVELOPMENT_SECRET = "commonplace-local-development-secret-never-use-in-production";
    static final int MINIMUM_BYTES = 32;

    JwtSecret {
        int length = value.getBytes(StandardCharsets.UTF_8).length;
        if (length < MINIMUM_BYTES) {
            throw new IllegalArgumentException("COMMONPLACE_JWT_SECRET must be at least " + MINIMUM_BYTES
                    + " bytes for HS256 (it has " + length + ")");
        }
    }

    static JwtSecret fromEnvironment(Map<String, String> environment) {
        String configured = environment.get("COMMONPLACE_JWT_SECRET");
        if (configured == null || configured.isEmpty()) {
            return new JwtSecret(DEVELOPMENT_SECRET, true);
        }
        return new JwtSecret(configured, false);
    }

    byte[] bytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return development ? "JwtSecret[development]" : "JwtSecret[configured]";
    }
}
