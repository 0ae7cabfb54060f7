package commonplace.testing.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;

/**
 * An identity provider for tests: an RSA key whose public half it serves as a JWKS over HTTP on loopback, and the
 * tokens it issues (RS256, its issuer and audience, valid for ten minutes), with any claim changed; and the forgery of
 * an HS256 token under its key id, as someone who took the public key (or a guessed secret) for a shared secret would.
 */
public final class TestIssuer implements AutoCloseable {

    private final RSAKey key;
    private final String issuer;
    private final String audience;
    private final HttpServer server;

    private TestIssuer(String issuer, String audience) {
        this.issuer = issuer;
        this.audience = audience;
        try {
            this.key = new RSAKeyGenerator(2048).keyID("issuer-1").generate();
            byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, keys.length);
                exchange.getResponseBody().write(keys);
                exchange.close();
            });
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.start();
    }

    /** Starts serving the JWKS; {@link #close()} stops it. */
    public static TestIssuer start(String issuer, String audience) {
        return new TestIssuer(issuer, audience);
    }

    /** Where the services find the keys: {@code commonplace.jwt.jwk-set-uri}. */
    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** A token of this issuer for {@code subject}, after {@code change} (set a claim, or null to drop it). */
    public String rs256(String subject, Consumer<JWTClaimsSet.Builder> change) {
        try {
            return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims(subject, change), new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HS256 token under this issuer's key id and claims, signed with {@code secret}: a forgery. */
    public String hs256(String subject, byte[] secret) {
        try {
            return sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                    claims(subject, c -> { }), new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key's encoded bytes, the secret a forger would try first. */
    public byte[] publicKeyBytes() {
        try {
            return key.toRSAPublicKey().getEncoded();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private JWTClaimsSet claims(String subject, Consumer<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).claim("name", subject)
                .issuer(issuer).audience(audience).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
        change.accept(claims);
        return claims.build();
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
