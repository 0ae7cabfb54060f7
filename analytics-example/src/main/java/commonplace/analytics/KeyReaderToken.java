package commonplace.analytics;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The service token the example shows the key endpoint: a configured one, or one it mints for itself every few
 * minutes with the shared HS256 secret ({@code sub} {@value #SUBJECT}, {@code roles: ["key-reader"]}, five minutes).
 */
final class KeyReaderToken implements Supplier<String> {

    static final String SUBJECT = "commonplace-analytics-example";
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final String configured;
    private final byte[] secret;
    private final Clock clock;
    private String minted;
    private Instant renewAt = Instant.MIN;

    KeyReaderToken(String configured, String secret, Clock clock) {
        this.configured = configured == null || configured.isBlank() ? null : configured.strip();
        this.secret = secret == null || secret.isEmpty() ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    @Override
    public synchronized String get() {
        if (configured != null) {
            return configured;
        }
        if (secret == null) {
            return "";
        }
        Instant now = clock.instant();
        if (minted == null || !now.isBefore(renewAt)) {
            minted = mint(now);
            renewAt = now.plus(LIFETIME.dividedBy(2));
        }
        return minted;
    }

    private String mint(Instant now) {
        String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String claims = encode("{\"sub\":\"" + SUBJECT + "\",\"name\":\"analytics example\",\"roles\":[\"key-reader\"],"
                + "\"iat\":" + now.getEpochSecond() + ",\"exp\":" + now.plus(LIFETIME).getEpochSecond() + "}");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + BASE64URL.encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JVM", e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
