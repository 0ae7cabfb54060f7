package commonplace.systemtests;

import commonplace.testing.http.Http;
import commonplace.testing.kafka.FeedLog;
import commonplace.events.EventEnvelope;
import commonplace.local.infra.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two command services on one event store, each with topics cached in memory, written to at once on the same topic:
 * every rule holds across them. No sequence is taken twice, an edit based on a stale revision fails through either,
 * the double-post window sees posts made through the other, an Idempotency-Key answers the same through both, and
 * every event reaches Kafka once.
 */
class TwoCommandServicesTest extends StackTest {

    private ServiceProcess second;
    private ApiClient other;

    @BeforeAll
    void startSecondCommandService() {
        second = ServiceProcess.of("command-service", new HashMap<>(stack.environment), FreePorts.find()).start()
                .awaitHealthy(RunningStack.START_TIMEOUT);
        other = new ApiClient(second.baseUrl(), stack.query.baseUrl(), RunningStack.JWT_SECRET);
    }

    @AfterAll
    void stopSecondCommandService() {
        if (second != null) {
            second.stop();
        }
    }

    /** The client of instance {@code i % 2}. */
    private ApiClient through(int i) {
        return i % 2 == 0 ? api : other;
    }

    @Test
    void concurrent_posts_through_both_are_all_stored_once_with_contiguous_sequences_and_published_once()
            throws Exception {
        String ada = api.token("ada", "Ada Lovelace");
        assertThat(api.openTopic(ada, "both", "Begge instansene", null).status()).isEqualTo(201);
        // both instances have the topic cached before the race
        assertThat(api.postComment(ada, "both", "Først via den ene").status()).isEqualTo(201);
        assertThat(other.postComment(ada, "both", "Så via den andre").status()).isEqualTo(201);

        List<Integer> statuses = all(120, i -> through(i).postComment(api.token("skriver-" + i, "Skriver " + i),
                "both", "Innlegg nummer " + i + " – æøå").status());

        assertThat(count(statuses)).containsOnlyKeys(201);
        List<EventStore.StoredEvent> stored = EventStore.readAll(infrastructure).stream()
                .filter(e -> e.topicId().equals("both")).toList();
        assertThat(stored).extracting(EventStore.StoredEvent::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 123).boxed().toList());
        await().atMost(Duration.ofSeconds(60)).until(() -> published("both").size() >= 123);
        assertThat(published("both")).extracting(EventEnvelope::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 123).boxed().toList());
    }

    @Test
    void an_edit_is_decided_on_the_newest_revision_whichever_instance_gets_it() throws Exception {
        String ada = api.token("ada", "Ada Lovelace");
        assertThat(api.openTopic(ada, "revisions", "Revisjoner", null).status()).isEqualTo(201);
        String comment = api.postComment(ada, "revisions", "Versjon 1").json().get("commentId").asText();
        assertThat(other.edit(ada, comment, "Versjon 1 igjen, sett fra den andre", 1).status()).isEqualTo(200);

        assertThat(api.edit(ada, comment, "Versjon 2 fra den første", 1).status())
                .as("revision 1 is stale, though the first instance's copy still says 1").isEqualTo(412);
        assertThat(api.edit(ada, comment, "Versjon 3 fra den første", 2).status())
                .as("revision 2 is current, though the first instance's copy said 1").isEqualTo(200);

        List<Integer> statuses = all(30, i -> through(i).edit(ada, comment, "Samtidig endring " + i, 3).status());
        assertThat(count(statuses)).containsEntry(200, 1L).containsEntry(412, 29L);
    }

    @Test
    void the_double_post_window_sees_a_post_made_through_the_other_instance() throws Exception {
        String ada = api.token("ada", "Ada Lovelace");
        String bo = api.token("bo", "Bø Ångström");
        assertThat(api.openTopic(ada, "doubles", "Dobbeltinnlegg", null).status()).isEqualTo(201);
        assertThat(other.postComment(ada, "doubles", "Oppvarming").status()).isEqualTo(201);

        assertThat(api.postComment(bo, "doubles", "Samme tekst to ganger").status()).isEqualTo(201);
        Http.Response again = other.postComment(bo, "doubles", "Samme tekst to ganger");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).isEqualTo("urn:commonplace:problem:duplicate-post");

        List<Integer> statuses = all(20, i -> through(i).postComment(bo, "doubles", "Samtidig, samme tekst").status());
        assertThat(count(statuses)).containsEntry(201, 1L).containsEntry(409, 19L);
    }

    @Test
    void an_idempotency_key_answers_the_same_through_both_instances_and_records_once() throws Exception {
        String ada = api.token("ada", "Ada Lovelace");
        assertThat(api.openTopic(ada, "keys", "Nøkler", null).status()).isEqualTo(201);
        assertThat(other.postComment(ada, "keys", "Oppvarming").status()).isEqualTo(201);

        Set<String> commentIds = new HashSet<>();
        List<Integer> statuses = all(20, i -> {
            Http.Response answer = through(i).postComment(ada, "keys", "Én gang, uansett hvor",
                    Map.of("Idempotency-Key", "same-key-1"));
            if (answer.status() == 201) {
                synchronized (commentIds) {
                    commentIds.add(answer.json().get("commentId").asText());
                }
            }
            return answer.status();
        });

        assertThat(count(statuses)).containsOnlyKeys(201);
        assertThat(commentIds).hasSize(1);
        assertThat(EventStore.readAll(infrastructure).stream()
                .filter(e -> e.topicId().equals("keys") && e.type().equals("CommentPosted"))).hasSize(2);
    }

    private List<EventEnvelope> published(String topicId) {
        return FeedLog.readAll(infrastructure.kafkaBootstrapServers(), infrastructure.kafkaTopic()).stream()
                .filter(e -> e.topicId().equals(topicId)).toList();
    }

    private interface Attempt {
        int run(int index) throws Exception;
    }

    /** Runs {@code n} attempts as close to simultaneously as threads allow. */
    private static List<Integer> all(int n, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 40));
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
