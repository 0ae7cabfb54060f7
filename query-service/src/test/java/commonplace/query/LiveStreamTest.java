package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.EventJson;
import commonplace.testing.http.Http.Response;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The topic stream over real HTTP: events as they are projected with their positions as ids, a resume from
 * Last-Event-ID out of the read models (never a retracted text), heartbeats, and the bounds on streams per client.
 */
class LiveStreamTest extends QueryServiceTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    MeterRegistry meters;
    private final List<OpenStream> opened = new ArrayList<>();

    /** One stream's lines as they arrive, read by a thread of its own. */
    private static final class OpenStream {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final HttpResponse<Stream<String>> response;

        OpenStream(HttpResponse<Stream<String>> response) {
            this.response = response;
            Thread reader = new Thread(() -> {
                try {
                    response.body().forEach(lines::add);
                } catch (UncheckedIOException ended) {
                    // the stream was closed
                }
            }, "stream-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** The events seen so far, each as its field lines ({@code id}, {@code event}, {@code data}). */
        List<Map<String, String>> events() {
            List<Map<String, String>> events = new ArrayList<>();
            Map<String, String> current = new java.util.LinkedHashMap<>();
            for (String line : List.copyOf(lines)) {
                if (line.isEmpty()) {
                    if (!current.isEmpty()) {
                        events.add(current);
                    }
                    current = new java.util.LinkedHashMap<>();
                } else if (!line.startsWith(":")) {
                    int colon = line.indexOf(':');
                    current.merge(line.substring(0, colon), line.substring(colon + 1), (a, b) -> a + "\n" + b);
                }
            }
            return events;
        }

        void close() {
            response.body().close();
        }
    }

    @AfterEach
    void closeStreams() {
        opened.forEach(OpenStream::close);
        opened.clear();
    }

    private OpenStream open(String topicId, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/topics/" + topicId + "/stream"))
                .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        try {
            OpenStream stream = new OpenStream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
            opened.add(stream);
            return stream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode data(Map<String, String> event) {
        try {
            return EventJson.mapper().readTree(event.get("data"));
        } catch (IOException e) {
            throw new AssertionError(event.toString(), e);
        }
    }

    private static Map<String, String> awaitEvent(OpenStream stream, String type) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> stream.events().stream().filter(event -> type.equals(event.get("event"))).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    @Test
    void eventsArriveAsTheyAreProjectedWithTheirPositionsAsIds() {
        TestTopic topic = TestTopic.named("live");
        topic.open("Live", "ada", "Ada Lovelace");
        String rootId = "c-root-" + topic.topicId;
        topic.comment(rootId, "Første kommentar.", "ada", "Ada Lovelace");
        publishAndAwait(topic);

        OpenStream stream = open(topic.topicId, Map.of());
        assertThat(stream.response.statusCode()).isEqualTo(200);
        assertThat(stream.response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Map<String, String> ready = awaitEvent(stream, "ready");
        assertThat(ready.get("id")).isEqualTo(topic.position(2));

        String replyId = "c-reply-" + topic.topicId;
        publish(List.of(topic.reply(replyId, rootId, "Et svar med “sitat”.", "bo", "Bø Ångström")));
        Map<String, String> reply = awaitEvent(stream, "ReplyPosted");
        assertThat(reply.get("id")).isEqualTo(topic.position(3));
        JsonNode data = data(reply);
        assertThat(data.get("position").asText()).isEqualTo(topic.position(3));
        assertThat(data.get("comment").get("commentId").asText()).isEqualTo(replyId);
        assertThat(data.get("comment").get("parentId").asText()).isEqualTo(rootId);
        assertThat(data.get("comment").get("body").asText()).isEqualTo("Et svar med “sitat”.");
        assertThat(data.get("comment").get("author").get("name").asText()).isEqualTo("Bø Ångström");
        assertThat(stream.events()).extracting(event -> event.get("event")).containsExactly("ready", "ReplyPosted");
    }

    @Test
    void aResumedStreamCatchesUpFromTheReadModelsWithoutRetractedText() {
        TestTopic topic = TestTopic.named("resume");
        topic.open("Resume", "ada", "Ada Lovelace");
        String regretted = "c-regret-" + topic.topicId;
        topic.comment(regretted, "A sentence only its author may see again.", "ada", "Ada Lovelace");
        topic.comment("c-kept-" + topic.topicId, "This one stays.", "bo", "Bø Ångström");
        topic.retract(regretted, false, "ada", "Ada Lovelace");
        publishAndAwait(topic);

        OpenStream stream = open(topic.topicId, Map.of("Last-Event-ID", topic.position(1)));
        Map<String, String> ready = awaitEvent(stream, "ready");
        assertThat(ready.get("id")).isEqualTo(topic.position(4));
        assertThat(stream.events()).extracting(event -> event.get("event"))
                .containsExactly("CommentPosted", "CommentPosted", "CommentRetracted", "ready");
        JsonNode first = data(stream.events().get(0));
        assertThat(first.get("comment").get("retracted").asBoolean()).isTrue();
        assertThat(first.get("comment").get("body").isNull()).isTrue();
        assertThat(first.get("summary").asText()).isEqualTo("commented");
        assertThat(String.join("\n", stream.lines)).doesNotContain("only its author").contains("This one stays.");
    }

    @Test
    void hostilePositionsAndUnknownTopicsAreProblems() {
        TestTopic topic = TestTopic.named("hostile-stream");
        topic.open("Hostile", "ada", "Ada Lovelace");
        publishAndAwait(topic);
        TestTopic other = TestTopic.named("other");

        for (String lastEventId : List.of("not-a-position", "%00", "x".repeat(5000), other.position(1),
                topic.position(1).repeat(3))) {
            Response refused = call("GET", "/api/v1/topics/" + topic.topicId + "/stream")
                    .header("Accept", "text/event-stream").header("Last-Event-ID", lastEventId).send();
            assertThat(refused.status()).as(lastEventId).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        Response unknown = call("GET", "/api/v1/topics/" + other.topicId + "/stream").header("Accept", "text/event-stream").send();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(get("/api/v1/topics/" + "%3Cscript%3E" + "/stream").status()).isEqualTo(400);
    }

    @Test
    void streamsPerClientAreBoundedAndFreedWhenTheyClose() {
        TestTopic topic = TestTopic.named("bounded");
        topic.open("Bounded", "ada", "Ada Lovelace");
        publishAndAwait(topic);
        // streams other tests closed count until the server's next write to them notices
        await().atMost(Duration.ofSeconds(40)).until(() -> meters.get("commonplace.stream.open").gauge().value() == 0);
        List<OpenStream> mine = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            OpenStream stream = open(topic.topicId, Map.of());
            assertThat(stream.response.statusCode()).isEqualTo(200);
            awaitEvent(stream, "ready");
            mine.add(stream);
        }
        Response refused = call("GET", "/api/v1/topics/" + topic.topicId + "/stream").header("Accept", "text/event-stream").send();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:commonplace:problem:too-many-streams");

        mine.get(0).close();
        // the server notices the closed connection at its next write: a heartbeat at the latest
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            HttpResponse<Stream<String>> again = HTTP.send(
                    HttpRequest.newBuilder(uri("/api/v1/topics/" + topic.topicId + "/stream")).build(),
                    HttpResponse.BodyHandlers.ofLines());
            if (again.statusCode() == 200) {
                opened.add(new OpenStream(again));
                return true;
            }
            again.body().close();
            return false;
        });
    }

    @Test
    void anIdleStreamGetsHeartbeats() {
        TestTopic topic = TestTopic.named("heartbeat");
        topic.open("Heartbeat", "ada", "Ada Lovelace");
        publishAndAwait(topic);
        OpenStream stream = open(topic.topicId, Map.of());
        await().atMost(Duration.ofSeconds(40))
                .until(() -> stream.lines.stream().anyMatch(line -> line.startsWith(":")));
    }

    private void publishAndAwait(TestTopic topic) {
        publish(topic.envelopes());
        awaitApplied(topic.topicId, topic.lastSequence());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
