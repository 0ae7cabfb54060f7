package commonplace.bench;


import commonplace.local.DevelopmentToken;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** The two services' HTTP API as the benchmark uses it. */
final class Api {

    record Answer(int status, String body) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String commandUrl;
    final String queryUrl;
    private final String secret;

    Api(String commandBaseUrl, String queryBaseUrl, String secret) {
        this.commandUrl = commandBaseUrl + "/api/v1";
        this.queryUrl = queryBaseUrl + "/api/v1";
        this.secret = secret;
    }

    String token(String authorId, String name, String... roles) {
        return DevelopmentToken.sign(secret, authorId, name, List.of(roles), Duration.ofHours(6));
    }

    Answer write(String method, String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(commandUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }

    /** A write to the query service's admin endpoints. */
    Answer admin(String method, String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(queryUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }

    Answer read(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(queryUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }

    /**
     * A read whose body is received and dropped: a load generator that decoded 140 KB pages would take the CPU the
     * service under test needs.
     */
    int readStatus(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(queryUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Whether the query service answered this read before it had applied what it was asked to wait for. */
    boolean answersStale(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(queryUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        return response.statusCode() != 200
                || "true".equals(response.headers().firstValue("X-Commonplace-Stale").orElse(null));
    }

    static String json(String field, String value) {
        return commonplace.events.EventJson.mapper().createObjectNode().put(field, value).toString();
    }

    static String field(String json, String field) {
        try {
            return commonplace.events.EventJson.mapper().readTree(json).path(field).asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The size of an answer's body as it travels when the client accepts gzip. */
    long gzippedSize(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept-Encoding", "gzip").GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body().length;
    }
}
