package commonplace.systemtests;

import commonplace.events.EventEnvelope;
import commonplace.testing.http.Http;
import commonplace.testing.kafka.FeedLog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Many writers at once on one comment and one topic: optimistic concurrency holds, sequences stay contiguous. */
class ConcurrencyTest extends StackTest {


    @Test
    void fifty_concurrent_edits_with_the_same_revision_have_exactly_one_winner() throws Exception {
        String ada = api.token("ada", "Ada Lovelace");
        assertThat(api.openTopic(ada, "edits", "Samtidige endringer", null).status()).isEqualTo(201);
        String comment = api.postComment(ada, "edits", "Første versjon").json().get("commentId").asText();

        List<Integer> statuses = all(50, i -> api.edit(ada, comment, "Versjon " + i + " – æøå", 1).status());

        Map<Integer, Long> byStatus = count(statuses);
        System.out.println("concurrent edits: " + byStatus);
        assertThat(byStatus).containsEntry(200, 1L).containsEntry(412, 49L);
    }

    @Test
    void two_hundred_concurrent_replies_into_one_topic_are_all_stored_with_contiguous_sequences() throws Exception {
        String ada = api.token("ada", "Ada Lovelace");
        assertThat(api.openTopic(ada, "replies", "Samtidige svar", null).status()).isEqualTo(201);
        String root = api.postComment(ada, "replies", "Svar her!").json().get("commentId").asText();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();

        List<Integer> statuses = all(200, i -> {
            Http.Response answer = api.reply(api.token("svarer-" + i, "Svarer " + i), root, "Svar nummer " + i);
            if (answer.status() == 201) {
                acknowledged.add(answer.json().get("commentId").asText());
            }
            return answer.status();
        });

        assertThat(count(statuses)).containsOnlyKeys(201);
        List<EventStore.StoredEvent> stored = EventStore.readAll(infrastructure).stream()
                .filter(e -> e.topicId().equals("replies")).toList();
        assertThat(stored).extracting(EventStore.StoredEvent::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 202).boxed().toList());
        await().atMost(Duration.ofSeconds(60)).until(() -> ReadModels.commentIds(api, "replies").containsAll(acknowledged));
        List<EventEnvelope> topic = FeedLog.readAll(infrastructure.kafkaBootstrapServers(), infrastructure.kafkaTopic())
                .stream().filter(e -> e.topicId().equals("replies")).toList();
        History.Counts counts = History.check(acknowledged, stored, topic, ReadModels.commentIds(api, "replies"), false);
        System.out.println("concurrent replies: " + counts);
    }

    private interface Attempt {
        int run(int index) throws Exception;
    }

    /** Runs {@code n} attempts as close to simultaneously as threads allow. */
    private static List<Integer> all(int n, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 50));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            Callable<Integer> call = () -> {
                go.await();
                return attempt.run(index);
            };
            answers.add(pool.submit(call));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        return statuses;
    }

    private static Map<Integer, Long> count(List<Integer> statuses) {
        Map<Integer, Long> counts = new HashMap<>();
        statuses.forEach(status -> counts.merge(status, 1L, Long::sum));
        return counts;
    }
}
