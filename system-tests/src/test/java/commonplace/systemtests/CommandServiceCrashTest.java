package commonplace.systemtests;

import commonplace.testing.http.Http;
import commonplace.testing.kafka.FeedLog;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The command service is killed without warning under load and restarted: every 201 is in the event store and on
 * the topic, and retrying the unanswered requests with their Idempotency-Key never creates a second comment.
 */
class CommandServiceCrashTest extends StackTest {

    private static final String TOPIC = "kommando-krasj";
    private static final int WRITERS = 6;
    private static final int POSTS_PER_WRITER = 80;


    @Test
    void acknowledged_writes_survive_a_hard_kill_and_retries_never_double_post() throws Exception {
        assertThat(api.openTopic(api.token("host", "Vert"), TOPIC, "Kommandokrasj", null).status()).isEqualTo(201);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, String> unanswered = new ConcurrentHashMap<>();
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                String token = api.token("skribent-" + writer, "Skribent " + writer);
                for (int i = 0; i < POSTS_PER_WRITER; i++) {
                    String key = "w" + writer + "-" + i;
                    attempts.incrementAndGet();
                    try {
                        Http.Response answer = api.postComment(token, TOPIC, "Innlegg " + key,
                                Map.of("Idempotency-Key", key));
                        if (answer.status() == 201) {
                            acknowledged.add(answer.json().get("commentId").asText());
                        } else {
                            unanswered.put(key, "Innlegg " + key);
                        }
                    } catch (UncheckedIOException e) {
                        unanswered.put(key, "Innlegg " + key);
                    }
                }
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> attempts.get() >= WRITERS * POSTS_PER_WRITER / 3);
        stack.command.kill();
        for (Future<?> writer : running) {
            writer.get();
        }
        writers.shutdown();
        stack.command.start().awaitHealthy(RunningStack.START_TIMEOUT);

        Map<String, String> retriedAnswers = new HashMap<>();
        for (Map.Entry<String, String> request : unanswered.entrySet()) {
            String writer = request.getKey().substring(1, request.getKey().indexOf('-'));
            String token = api.token("skribent-" + writer, "Skribent " + writer);
            for (int attempt = 0; attempt < 2; attempt++) {
                Http.Response answer = api.postComment(token, TOPIC, request.getValue(),
                        Map.of("Idempotency-Key", request.getKey()));
                assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
                String commentId = answer.json().get("commentId").asText();
                String earlier = retriedAnswers.putIfAbsent(request.getKey(), commentId);
                assertThat(earlier == null || earlier.equals(commentId)).as("same answer on retry").isTrue();
                acknowledged.add(commentId);
            }
        }

        List<EventStore.StoredEvent> stored = EventStore.readAll(infrastructure);
        long posted = stored.stream().filter(e -> e.topicId().equals(TOPIC) && e.type().equals("CommentPosted"))
                .count();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Set<String> shown = ReadModels.commentIds(api, TOPIC);
            return shown.containsAll(acknowledged) && shown.size() == posted;
        });
        // bodies are sealed in the store: the query service, which opens them, shows what each stored post says
        Map<String, Long> postsByBody = new HashMap<>();
        ReadModels.places(api, TOPIC).values()
                .forEach(comment -> postsByBody.merge(comment.get("body").asText(), 1L, Long::sum));
        assertThat(postsByBody.values()).as("comments per request").containsOnly(1L);
        assertThat(postsByBody).hasSize(WRITERS * POSTS_PER_WRITER);
        History.Counts counts = History.check(acknowledged, stored,
                FeedLog.readAll(infrastructure.kafkaBootstrapServers(), infrastructure.kafkaTopic()),
                ReadModels.commentIds(api, TOPIC), true);
        System.out.println("command service killed: " + counts + "; unanswered then retried with their key: "
                + unanswered.size());
    }
}
