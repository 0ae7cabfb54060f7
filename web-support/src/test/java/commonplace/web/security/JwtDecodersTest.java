package commonplace.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared decoder against well-made and hostile tokens, with the shared secret and with a real issuer's JWKS served
 * over HTTP: only a token signed as configured, typed exactly, not expired, living at most the maximum and, where
 * configured, from the issuer for the audience gets through.
 */
class JwtDecodersTest {

    private static final String SECRET = "web-support-tests-secret-of-more-than-32-bytes";
    private static final String ISSUER = "https://issuer.example/";
    private static final String AUDIENCE = "commonplace";
    private static final Duration DAY = Duration.ofHours(24);

    private static RSAKey rsa;
    private static ECKey ec;
    private static HttpServer issuer;
    private static String jwksUri;

    @BeforeAll
    static void anIssuerPublishingItsKeys() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        byte[] keys = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString().getBytes(StandardCharsets.UTF_8);
        issuer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        issuer.start();
        jwksUri = "http://127.0.0.1:" + issuer.getAddress().getPort() + "/jwks";
    }

    @AfterAll
    static void stopTheIssuer() {
        issuer.stop(0);
    }

    private final JwtDecoder shared = JwtDecoders.create(secret(null, null), null, Clock.systemUTC());

    @Test
    void aWellMadeTokenWithJustSubNameIatExpAndRolesIsAccepted() {
        Jwt jwt = shared.decode(hs256(SECRET, claims()));
        assertThat(jwt.getSubject()).isEqualTo("ada");
        assertThat(Roles.of(jwt)).containsExactly("moderator");
        assertThat(Roles.authorities(jwt)).extracting(Object::toString).containsExactly(Roles.MODERATOR_AUTHORITY);
        assertThat(Roles.authorities(shared.decode(hs256(SECRET, claims(c -> c.claim("roles", List.of("admin")))))))
                .extracting(Object::toString).containsExactly(Roles.ADMIN_AUTHORITY);
        // exactly the maximum lifetime, as the development tokens have
        Instant now = Instant.now();
        assertThat(shared.decode(hs256(SECRET, claims(c -> c.issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(DAY))))))).isNotNull();
    }

    @Test
    void everyTokenMustExpireAndSoonEnough() {
        Instant now = Instant.now();
        refused(shared, hs256(SECRET, claims(c -> c.expirationTime(null))));
        refused(shared, hs256(SECRET, claims(c -> c.issueTime(Date.from(now.minusSeconds(3600)))
                .expirationTime(Date.from(now.plus(DAY))))));
        refused(shared, hs256(SECRET, claims(c -> c.issueTime(null).expirationTime(Date.from(now.plus(Duration.ofHours(25)))))));
        refused(shared, hs256(SECRET, claims(c -> c.issueTime(Date.from(now.minusSeconds(7200)))
                .expirationTime(Date.from(now.minusSeconds(600))))));
        refused(shared, hs256(SECRET, claims(c -> c.issueTime(Date.from(now.plus(Duration.ofDays(365))))
                .expirationTime(Date.from(now.plus(Duration.ofDays(365)).plusSeconds(60))))));
        assertThat(shared.decode(hs256(SECRET, claims(c -> c.issueTime(null)
                .expirationTime(Date.from(now.plus(Duration.ofHours(23)))))))).isNotNull();
        JwtDecoder hourly = JwtDecoders.create(new JwtSettings(SECRET, null, null, null, Duration.ofHours(1), false),
                null, Clock.systemUTC());
        refused(hourly, hs256(SECRET, claims(c -> c.expirationTime(Date.from(now.plus(Duration.ofHours(2)))))));
        assertThat(hourly.decode(hs256(SECRET, claims()))).isNotNull();
    }

    @Test
    void claimsMustHaveTheirExactJsonTypes() throws Exception {
        refused(shared, hs256Json(SECRET, "{\"sub\":42,\"name\":\"Ada\",\"iat\":%d,\"exp\":%d}"));
        refused(shared, hs256Json(SECRET, "{\"sub\":\"ada\",\"name\":7,\"iat\":%d,\"exp\":%d}"));
        refused(shared, hs256Json(SECRET, "{\"sub\":\"ada\",\"name\":\"Ada\",\"iat\":%d,\"exp\":%d,\"roles\":\"moderator\"}"));
        refused(shared, hs256Json(SECRET, "{\"sub\":\"ada\",\"name\":\"Ada\",\"iat\":%d,\"exp\":%d,\"roles\":[\"moderator\",1]}"));
        refused(shared, hs256Json(SECRET, "{\"sub\":\"ada\",\"name\":\"Ada\",\"iat\":%d,\"exp\":%d,\"roles\":{\"moderator\":true}}"));
        refused(shared, hs256Json(SECRET, "{\"sub\":[\"ada\"],\"name\":\"Ada\",\"iat\":%d,\"exp\":%d}"));
        refused(shared, hs256Json(SECRET, "{\"sub\":\"ada\",\"name\":\"Ada\",\"iat\":\"%d\",\"exp\":%d}"));
        refused(shared, hs256Json(SECRET, "{\"sub\":\"ada\",\"name\":\"Ada\",\"iat\":%d,\"exp\":%d,\"aud\":5}"));
        assertThat(shared.decode(hs256Json(SECRET, "{\"sub\":\"ada\",\"name\":\"Ada\",\"iat\":%d,\"exp\":%d,\"roles\":[]}")))
                .isNotNull();
    }

    @Test
    void forgedUnsignedAndMalformedTokensAreRefused() throws Exception {
        refused(shared, hs256("another-secret-that-is-long-enough-for-hs256", claims()));
        refused(shared, new PlainJWT(claims().build()).serialize());
        refused(shared, hs512WithTheRightSecret(claims()));
        refused(shared, rs256(rsa, claims()));
        String valid = hs256(SECRET, claims());
        String[] parts = valid.split("\\.");
        refused(shared, parts[0] + "." + Base64URL.encode("{\"sub\":\"mallory\",\"name\":\"M\",\"exp\":9999999999}")
                + "." + parts[2]);
        refused(shared, parts[0] + "." + parts[1] + ".");
        refused(shared, "not.a.jwt");
        refused(shared, "garbage");
        refused(shared, "");
        refused(shared, "e".repeat(100 * 1024));
        refused(shared, parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"sub\":\"ada\",\"name\":\"" + "x".repeat(100 * 1024) + "\"}").getBytes()) + "." + parts[2]);
    }

    @Test
    void withAJwksOnlyItsKeysSignAndIssuerAndAudienceAreRequired() throws Exception {
        JwtDecoder jwks = JwtDecoders.create(new JwtSettings(null, jwksUri, ISSUER, AUDIENCE, DAY, false), null,
                Clock.systemUTC());
        assertThat(jwks.decode(rs256(rsa, claims(c -> c.issuer(ISSUER).audience(AUDIENCE)))).getSubject()).isEqualTo("ada");
        assertThat(jwks.decode(sign(new ECDSASigner(ec), JWSAlgorithm.ES256,
                claims(c -> c.issuer(ISSUER).audience(List.of("other", AUDIENCE)))))).isNotNull();

        refused(jwks, rs256(rsa, claims(c -> c.issuer("https://elsewhere.example/").audience(AUDIENCE))));
        refused(jwks, rs256(rsa, claims(c -> c.audience(AUDIENCE))));
        refused(jwks, rs256(rsa, claims(c -> c.issuer(ISSUER).audience("another-client"))));
        refused(jwks, rs256(rsa, claims(c -> c.issuer(ISSUER))));
        refused(jwks, rs256(new RSAKeyGenerator(2048).keyID("rsa-1").generate(),
                claims(c -> c.issuer(ISSUER).audience(AUDIENCE))));
        // the JWKS's public key used as an HMAC secret: the classic algorithm confusion
        byte[] publicKey = rsa.toPublicJWK().toRSAPublicKey().getEncoded();
        refused(jwks, sign(new MACSigner(publicKey), JWSAlgorithm.HS256, claims(c -> c.issuer(ISSUER).audience(AUDIENCE))));
        refused(jwks, new PlainJWT(claims(c -> c.issuer(ISSUER).audience(AUDIENCE)).build()).serialize());
        refused(jwks, hs256(SECRET, claims(c -> c.issuer(ISSUER).audience(AUDIENCE))));

        assertThatThrownBy(() -> JwtDecoders.create(new JwtSettings(null, jwksUri, null, null, DAY, false), null,
                Clock.systemUTC())).isInstanceOf(InvalidJwtSettingsException.class)
                .hasMessageContaining("COMMONPLACE_JWT_ISSUER").hasMessageContaining("COMMONPLACE_JWT_AUDIENCE");
        assertThatThrownBy(() -> JwtDecoders.create(new JwtSettings(null, jwksUri, ISSUER, null, DAY, false), null,
                Clock.systemUTC())).isInstanceOf(InvalidJwtSettingsException.class);
    }

    @Test
    void issuerAndAudienceAreCheckedWithTheSharedSecretWhenConfigured() {
        JwtDecoder strict = JwtDecoders.create(secret(ISSUER, AUDIENCE), null, Clock.systemUTC());
        assertThat(strict.decode(hs256(SECRET, claims(c -> c.issuer(ISSUER).audience(AUDIENCE))))).isNotNull();
        refused(strict, hs256(SECRET, claims()));
        refused(strict, hs256(SECRET, claims(c -> c.issuer(ISSUER))));
        refused(strict, hs256(SECRET, claims(c -> c.issuer("https://other/").audience(AUDIENCE))));
    }

    @Test
    void thePublishedDevelopmentSecretIsTakenOnlyByAServiceOnLoopbackThatWasToldSo() {
        JwtSettings allowed = new JwtSettings(JwtSettings.DEVELOPMENT_SECRET, null, null, null, DAY, true);
        JwtSettings notAllowed = new JwtSettings(JwtSettings.DEVELOPMENT_SECRET, null, null, null, DAY, false);
        for (String address : new String[] {"127.0.0.1", "::1", "localhost", " 127.0.0.1 "}) {
            assertThat(JwtDecoders.create(allowed, address, Clock.systemUTC())
                    .decode(hs256(JwtSettings.DEVELOPMENT_SECRET, claims()))).isNotNull();
            assertThatThrownBy(() -> JwtDecoders.create(notAllowed, address, Clock.systemUTC()))
                    .isInstanceOf(InvalidJwtSettingsException.class).hasMessageContaining("development secret");
        }
        for (String address : new String[] {null, "", "0.0.0.0", "::", "192.0.2.10", "no-such-host.invalid"}) {
            assertThatThrownBy(() -> JwtDecoders.create(allowed, address, Clock.systemUTC())).as(address)
                    .isInstanceOf(InvalidJwtSettingsException.class).hasMessageNotContaining("\n");
        }
    }

    @Test
    void aLifetimeOfNothingIsAMistakeReportedAtStartUp() {
        assertThatThrownBy(() -> JwtDecoders.create(new JwtSettings(SECRET, null, null, null, Duration.ZERO, false),
                null, Clock.systemUTC())).isInstanceOf(InvalidJwtSettingsException.class);
    }

    private static JwtSettings secret(String issuer, String audience) {
        return new JwtSettings(SECRET, null, issuer, audience, DAY, false);
    }

    private static void refused(JwtDecoder decoder, String token) {
        assertThatThrownBy(() -> decoder.decode(token)).as(token.length() > 200 ? token.substring(0, 200) : token)
                .isInstanceOf(JwtException.class);
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject("ada").claim("name", "Ada Lovelace")
                .claim("roles", List.of("moderator")).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
    }

    private static JWTClaimsSet.Builder claims(Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = claims();
        change.accept(claims);
        return claims;
    }

    private static String hs256(String secret, JWTClaimsSet.Builder claims) {
        try {
            return sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)), JWSAlgorithm.HS256, claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HS256 token whose payload is exactly {@code json} (iat and exp filled in), so claims keep their JSON types. */
    private static String hs256Json(String secret, String json) throws JOSEException {
        long now = Instant.now().getEpochSecond();
        String header = Base64URL.encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}").toString();
        String payload = Base64URL.encode(json.formatted(now, now + 600)).toString();
        String signingInput = header + "." + payload;
        Base64URL signature = new MACSigner(secret.getBytes(StandardCharsets.UTF_8)).sign(
                new JWSHeader(JWSAlgorithm.HS256), signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + signature;
    }

    /** HS512 with the service's own secret (Nimbus's signer wants a longer key for it, so signed by hand). */
    private static String hs512WithTheRightSecret(JWTClaimsSet.Builder claims) throws Exception {
        String signingInput = Base64URL.encode("{\"alg\":\"HS512\"}") + "." + Base64URL.encode(claims.build().toString());
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA512");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
        return signingInput + "." + Base64URL.encode(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String rs256(RSAKey key, JWTClaimsSet.Builder claims) throws JOSEException {
        return sign(new RSASSASigner(key), JWSAlgorithm.RS256, claims, key.getKeyID());
    }

    private static String sign(JWSSigner signer, JWSAlgorithm algorithm, JWTClaimsSet.Builder claims)
            throws JOSEException {
        return sign(signer, algorithm, claims, algorithm == JWSAlgorithm.ES256 ? ec.getKeyID() : null);
    }

    private static String sign(JWSSigner signer, JWSAlgorithm algorithm, JWTClaimsSet.Builder claims, String keyId)
            throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(keyId).build(),
                claims.build());
        jwt.sign(signer);
        return jwt.serialize();
    }

}
