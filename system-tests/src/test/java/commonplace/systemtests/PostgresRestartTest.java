package commonplace.systemtests;

import commonplace.testing.http.Http;
import commonplace.testing.kafka.FeedLog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL goes away under load: requests fail fast with 503 problem+json instead of hanging, and both services
 * recover on their own when it is back.
 */
class PostgresRestartTest extends StackTest {

    private static final String TOPIC = "database-omstart";
    private static final Duration FAIL_FAST = Duration.ofSeconds(10);


    @Test
    void without_the_database_requests_fail_fast_with_503_and_everything_recovers_when_it_returns() {
        String ada = api.token("ada", "Ada Lovelace");
        assertThat(api.openTopic(ada, TOPIC, "Databaseomstart", null).status()).isEqualTo(201);
        Set<String> acknowledged = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            acknowledged.add(api.postComment(ada, TOPIC, "Før omstart " + i).json().get("commentId").asText());
        }

        infrastructure.postgres().stop();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            Http.Response write = api.postComment(ada, TOPIC, "Under omstart " + i);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(write.status()).as(write.toString()).isEqualTo(503);
            assertThat(write.contentType()).startsWith("application/problem+json");
            assertThat(took).as("a write without the database fails fast").isLessThan(FAIL_FAST);

            started = System.nanoTime();
            Http.Response read = api.read("/topics/" + TOPIC + "/thread");
            took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(read.status()).as(read.toString()).isEqualTo(503);
            assertThat(read.contentType()).startsWith("application/problem+json");
            assertThat(took).as("a read without the database fails fast").isLessThan(FAIL_FAST);
        }
        infrastructure.postgres().start();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                api.postComment(ada, TOPIC, "Etter omstart").status() == 201);
        for (int i = 0; i < 20; i++) {
            Http.Response answer = api.postComment(ada, TOPIC, "Etter omstart " + i);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            acknowledged.add(answer.json().get("commentId").asText());
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                api.read("/topics/" + TOPIC + "/thread").status() == 200
                        && ReadModels.commentIds(api, TOPIC).containsAll(acknowledged));
        // a batch Kafka committed while its token could not be stored is published again: at least once, same events
        History.Counts counts = History.check(acknowledged, EventStore.readAll(infrastructure),
                FeedLog.readAll(infrastructure.kafkaBootstrapServers(), infrastructure.kafkaTopic()),
                ReadModels.commentIds(api, TOPIC), true);
        System.out.println("postgres restarted: " + counts);
    }
}
