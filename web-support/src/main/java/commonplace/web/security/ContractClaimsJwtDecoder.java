package commonplace.web.security;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The contract's rules for claims, checked in the token's own JSON after its signature and the standard validators
 * accepted it: the JWT library turns a numeric {@code sub} into a string, Spring a single string into a list of roles
 * and a missing {@code iat} into {@code exp - 1 s}, so none of these could be checked on the decoded token.
 * <ul>
 *     <li>types exactly: {@code sub} and {@code name} strings, {@code roles} an array of strings, {@code exp},
 *     {@code iat}, {@code nbf} numbers, {@code iss} a string, {@code aud} a string or an array of strings;</li>
 *     <li>{@code exp} required, and the lifetime {@code exp - iat} (or {@code exp - now} without {@code iat}) at most
 *     the maximum; a token issued in the future is refused, so that no {@code iat} far ahead stretches it. Clocks may
 *     differ by {@link #CLOCK_SKEW}, as Spring allows for {@code exp} itself.</li>
 * </ul>
 */
final class ContractClaimsJwtDecoder implements JwtDecoder {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final JwtDecoder verifying;
    private final Duration maxLifetime;
    private final Clock clock;

    ContractClaimsJwtDecoder(JwtDecoder verifying, Duration maxLifetime, Clock clock) {
        this.verifying = verifying;
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt verified = verifying.decode(token);
        Map<String, Object> claims;
        try {
            claims = ((SignedJWT) JWTParser.parse(token)).getPayload().toJSONObject();
        } catch (ParseException | ClassCastException e) {
            throw new BadJwtException("the token's claims are not a JSON object");
        }
        String broken = wronglyTyped(claims);
        if (broken == null) {
            broken = tooLongLived(((Number) claims.get("exp")).longValue(),
                    claims.get("iat") instanceof Number issuedAt ? issuedAt.longValue() : null);
        }
        if (broken != null) {
            throw new BadJwtException("the token's " + broken);
        }
        return verified;
    }

    /** What is typed wrongly, in words, or null when every claim has its type. */
    static String wronglyTyped(Map<String, Object> claims) {
        if (!(claims.get("sub") instanceof String)) {
            return "sub must be a string";
        }
        if (!(claims.get("name") instanceof String)) {
            return "name must be a string";
        }
        if (claims.containsKey(Roles.CLAIM) && !isListOfStrings(claims.get(Roles.CLAIM))) {
            return "roles must be an array of strings";
        }
        if (!(claims.get("exp") instanceof Number)) {
            return "exp is required, as a number";
        }
        for (String time : List.of("iat", "nbf")) {
            if (claims.containsKey(time) && !(claims.get(time) instanceof Number)) {
                return time + " must be a number";
            }
        }
        if (claims.containsKey("iss") && !(claims.get("iss") instanceof String)) {
            return "iss must be a string";
        }
        Object audience = claims.get("aud");
        if (claims.containsKey("aud") && !(audience instanceof String) && !isListOfStrings(audience)) {
            return "aud must be a string or an array of strings";
        }
        return null;
    }

    /** Why the token lives too long, or null; times in seconds since the epoch, as in the token. */
    String tooLongLived(long expiresAt, Long issuedAt) {
        long now = clock.instant().getEpochSecond();
        if (issuedAt != null && issuedAt > now + CLOCK_SKEW.toSeconds()) {
            return "iat is in the future";
        }
        long lifetime = expiresAt - (issuedAt != null ? issuedAt : now);
        if (lifetime > maxLifetime.toSeconds() + CLOCK_SKEW.toSeconds()) {
            return "lifetime is over the maximum of " + maxLifetime.toMinutes() + " minutes";
        }
        return null;
    }

    private static boolean isListOfStrings(Object value) {
        return value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
    }
}
