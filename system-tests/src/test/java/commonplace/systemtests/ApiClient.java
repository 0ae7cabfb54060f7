package commonplace.systemtests;

import com.fasterxml.jackson.databind.node.ObjectNode;
import commonplace.events.EventJson;
import commonplace.local.DevelopmentToken;
import commonplace.testing.http.Http;
import commonplace.testing.http.Http.Response;
import commonplace.testing.tokens.TestTokens;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Speaks the HTTP API of both services the way a client following the contract (docs/api.md) would. */
final class ApiClient {

    /** Every call names its whole URL: the two services answer at different addresses. */
    private final Http http = Http.absolute();
    private final String commandUrl;
    private final String queryUrl;
    private final String secret;

    ApiClient(String commandUrl, String queryUrl, String secret) {
        this.commandUrl = commandUrl + "/api/v1";
        this.queryUrl = queryUrl + "/api/v1";
        this.secret = secret;
    }

    String token(String authorId, String name, String... roles) {
        return DevelopmentToken.sign(secret, authorId, name, List.of(roles), Duration.ofHours(6));
    }

    /**
     * A service token for the key endpoint, as a trusted consumer mints one with the shared secret
     * ({@code roles: ["key-reader"]}, a role the development tokens do not give).
     */
    String keyReaderToken(String consumer) {
        return TestTokens.mint(secret, consumer, consumer, List.of("key-reader"),
                Instant.now().plus(Duration.ofMinutes(5)));
    }

    Response openTopic(String token, String topicId, String title, String url) {
        ObjectNode body = EventJson.mapper().createObjectNode().put("title", title);
        if (url != null) {
            body.put("url", url);
        }
        return send("PUT", commandUrl + "/topics/" + topicId, token, body.toString(), Map.of());
    }

    Response postComment(String token, String topicId, String text) {
        return postComment(token, topicId, text, Map.of());
    }

    Response postComment(String token, String topicId, String text, Map<String, String> headers) {
        return send("POST", commandUrl + "/topics/" + topicId + "/comments", token, bodyJson(text), headers);
    }

    Response reply(String token, String parentId, String text) {
        return send("POST", commandUrl + "/comments/" + parentId + "/replies", token, bodyJson(text), Map.of());
    }

    Response edit(String token, String commentId, String text, int revision) {
        return send("PUT", commandUrl + "/comments/" + commentId, token, bodyJson(text),
                Map.of("If-Match", "\"" + revision + "\""));
    }

    Response retract(String token, String commentId) {
        return send("DELETE", commandUrl + "/comments/" + commentId, token, null, Map.of());
    }

    /** A retraction with a reason (by the author or a moderator); the reason is never public. */
    Response retract(String token, String commentId, String reason) {
        String body = EventJson.mapper().createObjectNode().put("reason", reason).toString();
        return send("DELETE", commandUrl + "/comments/" + commentId, token, body, Map.of());
    }

    /** {@code POST /authors/{authorId}/erasure} on the command service. */
    Response erase(String token, String authorId) {
        return send("POST", commandUrl + "/authors/" + authorId + "/erasure", token, null, Map.of());
    }

    /** {@code POST /keys/lookup} on the command service (a {@code key-reader} service token). */
    Response lookUpKeys(String token, List<String> keyIds) {
        ObjectNode body = EventJson.mapper().createObjectNode();
        keyIds.forEach(body.putArray("keyIds")::add);
        return send("POST", commandUrl + "/keys/lookup", token, body.toString(), Map.of());
    }

    /** {@code GET /authors/{authorId}/export} on the query service, with the given token. */
    Response export(String token, String authorId) {
        return send("GET", queryUrl + "/authors/" + authorId + "/export", token, null, Map.of());
    }

    /** A GET on the query service outside {@code /api/v1} (its HTML pages); {@code path} starts at the root. */
    Response readPage(String path) {
        return send("GET", queryUrl.substring(0, queryUrl.length() - "/api/v1".length()) + path, null, null, Map.of());
    }

    Response shareLink(String token, String topicId, String url, String note, String parentId) {
        ObjectNode body = EventJson.mapper().createObjectNode().put("url", url);
        if (note != null) {
            body.put("note", note);
        }
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return send("POST", commandUrl + "/topics/" + topicId + "/links", token, body.toString(), Map.of());
    }

    Response lock(String token, String topicId) {
        return send("POST", commandUrl + "/topics/" + topicId + "/lock", token, null, Map.of());
    }

    Response unlock(String token, String topicId) {
        return send("POST", commandUrl + "/topics/" + topicId + "/unlock", token, null, Map.of());
    }

    /** A GET on the query service; {@code pathAndQuery} starts after {@code /api/v1}. */
    Response read(String pathAndQuery) {
        return send("GET", queryUrl + pathAndQuery, null, null, Map.of());
    }

    /** A GET on the query service's admin API, with an admin's token; {@code path} starts after {@code /api/v1}. */
    Response readAsAdmin(String path) {
        return send("GET", queryUrl + path, token("system-tests-admin", "System Tests", "admin"), null, Map.of());
    }

    /** An export sent to the command service's import endpoint as an admin. */
    Response importExport(String format, String xml) {
        return send("POST", commandUrl + "/admin/imports?format=" + format, token("system-tests-admin", "System Tests",
                "admin"), null, Map.of("Content-Type", "application/xml"), xml);
    }

    /** A GET on the command service's admin API; {@code location} is a path from the service's root. */
    Response commandAdmin(String location) {
        return send("GET", commandUrl.substring(0, commandUrl.length() - "/api/v1".length()) + location,
                token("system-tests-admin", "System Tests", "admin"), null, Map.of());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String bodyJson(String text) {
        return EventJson.mapper().createObjectNode().put("body", text).toString();
    }

    Response send(String method, String url, String token, String json, Map<String, String> headers) {
        return send(method, url, token, json, headers, null);
    }

    private Response send(String method, String url, String token, String json, Map<String, String> headers,
                          String rawBody) {
        Http.Call call = http.call(method, url);
        if (rawBody != null) {
            call.raw(rawBody);
        } else if (json != null) {
            call.json(json);
        }
        if (token != null) {
            call.token(token);
        }
        headers.forEach(call::header);
        return call.send();
    }
}
