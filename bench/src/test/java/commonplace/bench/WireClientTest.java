package commonplace.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's own HTTP client against a real HTTP server: fixed-length and chunked answers on one connection. */
class WireClientTest {

    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/fixed", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            byte[] answer = ("{\"commentId\":\"c-1\",\"position\":\"t:" + body.length + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Retry-After", "1");
            exchange.sendResponseHeaders(201, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.createContext("/chunked", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{\"type\":\"urn:commonplace:".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("problem:overloaded\"}".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void reads_fixed_length_and_chunked_answers_one_after_another_on_one_connection() throws Exception {
        try (WireClient client = new WireClient("127.0.0.1", server.getAddress().getPort())) {
            byte[] body = "{\"body\":\"Blåbær 🎉\"}".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 3; i++) {
                WireClient.Answer fixed = client.send(WireClient.head("POST", "/fixed", "t", body.length), body);
                assertThat(fixed.status).isEqualTo(201);
                assertThat(fixed.field("commentId")).isEqualTo("c-1");
                assertThat(fixed.field("position")).isEqualTo("t:" + body.length);
                assertThat(fixed.header("retry-after")).isEqualTo("1");

                WireClient.Answer chunked = client.send(WireClient.head("POST", "/chunked", "t", body.length), body);
                assertThat(chunked.status).isEqualTo(503);
                assertThat(chunked.field("type")).isEqualTo("urn:commonplace:problem:overloaded");
                assertThat(chunked.field("missing")).isNull();
            }
        }
    }
}
