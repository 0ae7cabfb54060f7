package commonplace.query.privacy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import commonplace.events.privacy.KeysUnavailableException;
import commonplace.web.security.JwtSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

/**
 * The service token this service shows the key endpoint: the configured one, or one it mints for itself with the
 * shared HS256 secret ({@code sub} {@value #SUBJECT}, {@code roles: ["key-reader"]}, the configured issuer and
 * audience when set), valid for {@link #LIFETIME} and renewed well before it expires. Never logged.
 */
final class ServiceTokens implements Supplier<String> {

    static final String SUBJECT = "commonplace-query-service";
    static final String ROLE = "key-reader";
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final String configured;
    private final JwtSettings jwt;
    private final Clock clock;
    private String minted;
    private Instant renewAt = Instant.MIN;

    ServiceTokens(String configured, JwtSettings jwt, Clock clock) {
        this.configured = configured;
        this.jwt = jwt;
        this.clock = clock;
    }

    @Override
    public synchronized String get() {
        if (configured != null) {
            return configured;
        }
        Instant now = clock.instant();
        if (minted == null || !now.isBefore(renewAt)) {
            minted = mint(now);
            renewAt = now.plus(LIFETIME.dividedBy(2));
        }
        return minted;
    }

    private String mint(Instant now) {
        if (jwt == null || jwt.usesJwkSet() || jwt.secret() == null || jwt.secret().isEmpty()) {
            throw new KeysUnavailableException("no service token for the key endpoint: set "
                    + "COMMONPLACE_KEY_SERVICE_TOKEN, or the shared COMMONPLACE_JWT_SECRET to mint one", null);
        }
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(SUBJECT).claim("name", "query service")
                .claim("roles", List.of(ROLE)).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)));
        if (jwt.checksIssuer()) {
            claims.issuer(jwt.issuer());
        }
        if (jwt.audience() != null && !jwt.audience().isBlank()) {
            claims.audience(jwt.audience());
        }
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            token.sign(new MACSigner(jwt.secretKey()));
        } catch (JOSEException e) {
            throw new KeysUnavailableException("the service token could not be signed", e);
        }
        return token.serialize();
    }
}
