package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import commonplace.events.EventJson;
import commonplace.events.privacy.DataKey;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The key endpoint's documented contract (docs/events.md, "Getting data keys") on a real HTTP server: {@code POST
 * /api/v1/keys/lookup} with a service token signed with the shared secret whose roles hold {@code key-reader}; 401
 * without one, 403 with another; keys, erased and unknown ids. It can be taken down ({@link #down}) to show that
 * readers wait for it.
 */
final class TestKeyServer {

    private static TestKeyServer shared;

    private final HttpServer server;
    private final Map<String, DataKey> keys = new ConcurrentHashMap<>();
    private final Set<String> erased = ConcurrentHashMap.newKeySet();
    final AtomicBoolean down = new AtomicBoolean();
    final AtomicInteger lookups = new AtomicInteger();
    final AtomicInteger refusals = new AtomicInteger();

    private TestKeyServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/keys/lookup", this::lookup);
        server.start();
    }

    static synchronized TestKeyServer shared() {
        if (shared == null) {
            try {
                shared = new TestKeyServer();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A new data key of {@code authorId}, served from now on. */
    DataKey newKey(String authorId) {
        DataKey key = DataKey.generate(authorId);
        keys.put(key.keyId(), key);
        return key;
    }

    /** Destroys a key, as an erasure does: from now on it is listed as erased. */
    void erase(DataKey key) {
        keys.remove(key.keyId());
        erased.add(key.keyId());
    }

    private void lookup(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (down.get()) {
                answer(exchange, 503, "{}");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "{}");
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                refusals.incrementAndGet();
                answer(exchange, 401, "{}");
                return;
            }
            if (!keyReader(authorization.substring(7))) {
                refusals.incrementAndGet();
                answer(exchange, 403, "{}");
                return;
            }
            lookups.incrementAndGet();
            JsonNode request = EventJson.mapper().readTree(exchange.getRequestBody());
            ObjectNode body = EventJson.mapper().createObjectNode();
            ArrayNode found = body.putArray("keys");
            ArrayNode gone = body.putArray("erased");
            ArrayNode unknown = body.putArray("unknown");
            for (JsonNode id : request.path("keyIds")) {
                DataKey key = keys.get(id.asText());
                if (key != null) {
                    found.addObject().put("keyId", key.keyId()).put("authorId", key.authorId())
                            .put("algorithm", "AES-256-GCM").put("key", key.materialBase64());
                } else if (erased.contains(id.asText())) {
                    gone.addObject().put("keyId", id.asText()).put("erasedAt", Instant.now().toString());
                } else {
                    unknown.add(id.asText());
                }
            }
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            answer(exchange, 200, body.toString());
        }
    }

    private static boolean keyReader(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!jwt.verify(new MACVerifier(TestTokens.SECRET.getBytes(StandardCharsets.UTF_8)))) {
                return false;
            }
            Date expires = jwt.getJWTClaimsSet().getExpirationTime();
            List<String> roles = jwt.getJWTClaimsSet().getStringListClaim("roles");
            return expires != null && expires.after(new Date()) && roles != null && roles.contains("key-reader");
        } catch (Exception e) {
            return false;
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
