package commonplace.testing.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Talks to a running service over real HTTP/1.1, as curl would: a request put together call by call (method, path,
 * token, headers, body), and the answer's status, headers and body, with its JSON at hand. For every module's tests.
 */
public final class Http {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    /** A service on this machine's loopback address. */
    public Http(int port) {
        this("http://127.0.0.1:" + port);
    }

    /** A service at {@code baseUrl} ({@code http://host:port}, no trailing slash). */
    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A client whose every call names a whole URL, for a test that talks to more than one service. */
    public static Http absolute() {
        return new Http("");
    }

    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String text(String field) {
            JsonNode node = json().get(field);
            return node == null || node.isNull() ? null : node.asText();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + headers.map() + " " + body;
        }
    }

    /** A request being put together: method, path, token, headers and body. */
    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A JSON body: a string as is, anything else serialised. */
        public Call json(Object json) {
            headers.putIfAbsent("Content-Type", "application/json");
            return raw(json instanceof String text ? text : write(json));
        }

        public Call raw(String text) {
            body = HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
            return this;
        }

        public Call publisher(HttpRequest.BodyPublisher publisher) {
            body = publisher;
            return this;
        }

        public Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60)).method(method, body);
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = client.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Response(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    public Response get(String path) {
        return call("GET", path).send();
    }

    /** A GET with a bearer token: the admin API, the metrics and the key endpoint need one. */
    public Response get(String path, String token) {
        return call("GET", path).token(token).send();
    }

    public Response put(String path, String token, Object json) {
        return call("PUT", path).token(token).json(json).send();
    }

    public Response post(String path, String token, Object json) {
        Call call = call("POST", path).token(token);
        return json == null ? call.send() : call.json(json).send();
    }

    public Response delete(String path, String token) {
        return call("DELETE", path).token(token).send();
    }

    private static String write(Object json) {
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
