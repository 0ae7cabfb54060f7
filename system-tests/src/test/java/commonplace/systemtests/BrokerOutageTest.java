package commonplace.systemtests;

import commonplace.events.EventEnvelope;
import commonplace.testing.http.Http;
import commonplace.testing.kafka.FeedLog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kafka goes down while people post: the command API keeps answering 201, and nothing is lost or doubled. */
class BrokerOutageTest extends StackTest {

    private static final List<String> TOPICS = List.of("outage-a", "outage-b", "outage-c");
    private static final int WRITERS = 4;
    private static final int POSTS_PER_PHASE = 80;


    @Test
    void writes_during_a_broker_outage_are_acknowledged_and_all_arrive_exactly_once_in_order() throws Exception {
        String moderator = api.token("host", "Vert");
        TOPICS.forEach(topic -> assertThat(api.openTopic(moderator, topic, "Utfall " + topic, null).status()).isEqualTo(201));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger posted = new AtomicInteger();
        List<Integer> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

        AtomicBoolean keepWriting = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new java.util.ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                String token = api.token("writer-" + writer, "Skribent " + writer);
                for (int i = 0; keepWriting.get(); i++) {
                    String topic = TOPICS.get((writer + i) % TOPICS.size());
                    Http.Response answer = api.postComment(token, topic, "Innlegg " + i + " fra " + writer + " – æøå");
                    if (answer.status() == 201) {
                        acknowledged.add(answer.json().get("commentId").asText());
                    } else {
                        failures.add(answer.status());
                    }
                    posted.incrementAndGet();
                    paceWriters();
                }
            }));
        }
        // the writers run until told to stop: before the outage, during it, and after the broker is back
        await().atMost(Duration.ofSeconds(60)).until(() -> posted.get() >= POSTS_PER_PHASE);
        infrastructure.kafka().stop();
        int postedWhileDown = posted.get();
        await().atMost(Duration.ofSeconds(60)).until(() -> posted.get() >= postedWhileDown + POSTS_PER_PHASE);
        infrastructure.kafka().start();
        int postedAfterRestart = posted.get();
        await().atMost(Duration.ofSeconds(60)).until(() -> posted.get() >= postedAfterRestart + POSTS_PER_PHASE);
        keepWriting.set(false);
        for (Future<?> writer : running) {
            writer.get();
        }
        writers.shutdown();

        assertThat(failures).as("answers other than 201 while Kafka was down").isEmpty();
        assertThat(acknowledged).hasSize(posted.get());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                History.postedCommentIds(FeedLog.readAll(infrastructure.kafkaBootstrapServers(),
                        infrastructure.kafkaTopic())).containsAll(acknowledged));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                TOPICS.stream().mapToInt(t -> ReadModels.commentIds(api, t).size()).sum() >= acknowledged.size());

        List<EventEnvelope> topic = FeedLog.readAll(infrastructure.kafkaBootstrapServers(), infrastructure.kafkaTopic());
        Set<String> shown = new java.util.HashSet<>();
        TOPICS.forEach(t -> shown.addAll(ReadModels.commentIds(api, t)));
        History.Counts counts = History.check(acknowledged, EventStore.readAll(infrastructure), topic, shown, false);
        System.out.println("broker outage: " + counts + " (posted while the broker was down: from #" + postedWhileDown + ")");
    }

    /** Spreads the posts over a few seconds so that the outage falls in the middle of them. */
    private static void paceWriters() {
        try {
            Thread.sleep(15);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
