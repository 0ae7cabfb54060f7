package commonplace.systemtests;

import commonplace.testing.http.Http;
import commonplace.testing.kafka.FeedLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query service is killed without warning (SIGKILL) while it projects, then restarted: its read models converge
 * to exactly what a fresh projection of the whole topic shows, with nothing lost and nothing doubled.
 */
class QueryServiceCrashTest extends StackTest {

    private static final List<String> TOPICS = List.of("krasj-1", "krasj-2", "krasj-3");
    private static final int WRITERS = 6;
    private static final int POSTS_PER_WRITER = 100;

    private ServiceProcess fresh;

    @AfterAll
    void stopFreshQueryService() {
        if (fresh != null) {
            fresh.stop();
        }
    }

    @Test
    void after_a_hard_kill_the_read_models_equal_a_fresh_projection() throws Exception {
        String host = api.token("host", "Vert");
        TOPICS.forEach(t -> assertThat(api.openTopic(host, t, "Krasj " + t, null).status()).isEqualTo(201));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger posted = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                String token = api.token("skribent-" + writer, "Skribent " + writer);
                String lastComment = null;
                for (int i = 0; i < POSTS_PER_WRITER; i++) {
                    String topic = TOPICS.get(writer % TOPICS.size());
                    Http.Response answer = lastComment != null && i % 3 == 0
                            ? api.reply(token, lastComment, "Svar " + i + " fra " + writer + " 🎉")
                            : api.postComment(token, topic, "Innlegg " + i + " fra " + writer + "\n\nMed «sitat».");
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
                    lastComment = answer.json().get("commentId").asText();
                    acknowledged.add(lastComment);
                    posted.incrementAndGet();
                }
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> posted.get() >= WRITERS * POSTS_PER_WRITER / 3);
        stack.query.kill();
        stack.query.start();
        for (Future<?> writer : running) {
            writer.get();
        }
        writers.shutdown();
        stack.query.awaitHealthy(RunningStack.START_TIMEOUT);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> shownIn(api).containsAll(acknowledged));
        fresh = stack.startFreshQueryService("fresh-after-kill");
        ApiClient freshApi = stack.apiReadingFrom(fresh);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> shownIn(freshApi).containsAll(acknowledged));

        List<String> authors = new ArrayList<>(List.of("host"));
        for (int w = 0; w < WRITERS; w++) {
            authors.add("skribent-" + w);
        }
        String restarted = ReadModels.dump(api, TOPICS, authors);
        String rebuilt = ReadModels.dump(freshApi, TOPICS, authors);
        assertThat(restarted).isEqualTo(rebuilt);
        History.Counts counts = History.check(acknowledged, EventStore.readAll(infrastructure),
                FeedLog.readAll(infrastructure.kafkaBootstrapServers(), infrastructure.kafkaTopic()), shownIn(api), false);
        System.out.println("query service killed: " + counts + "; read models identical to a fresh projection ("
                + restarted.lines().count() + " lines compared)");
    }

    private static Set<String> shownIn(ApiClient api) {
        Set<String> ids = new java.util.HashSet<>();
        TOPICS.forEach(t -> ids.addAll(ReadModels.commentIds(api, t)));
        return ids;
    }
}
