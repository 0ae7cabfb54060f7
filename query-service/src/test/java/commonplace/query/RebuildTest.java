package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.EventEnvelope;
import commonplace.query.consistency.AppliedPositions;
import commonplace.query.ingest.EventConsumer;
import commonplace.query.rebuild.ProjectionRebuild;
import commonplace.testing.http.Http;
import commonplace.testing.http.Http.Response;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/v1/admin/projections/rebuild}: the whole topic replayed into fresh tables while the live ones
 * serve and keep being updated, then switched.
 */
class RebuildTest extends QueryServiceTestBase {

    private static final String SECRET = TestTokens.SECRET;
    private static final String STATUS = "/api/v1/admin/projections";
    /** Raise it (-Dcommonplace.test.rebuild.events=300000) to measure the rebuild's rate on more events. */
    private static final int SEEDED_EVENTS = Integer.getInteger("commonplace.test.rebuild.events", 12_000);

    @Autowired
    EventConsumer consumer;

    @Autowired
    AppliedPositions positions;

    @Autowired
    ProjectionRebuild rebuild;

    @Test
    void onlyAnAdminMayStartARebuild() {
        Response anonymous = startRebuild(null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("type").asText()).isEqualTo("urn:commonplace:problem:unauthorized");
        for (List<String> roles : List.of(List.<String>of(), List.of("author"), List.of("moderator"),
                List.of("Admin"), List.of("ADMIN"))) {
            Response notAnAdmin = startRebuild(token(roles));
            assertThat(notAnAdmin.status()).as("roles %s", roles).isEqualTo(403);
            assertThat(notAnAdmin.header("Content-Type")).startsWith("application/problem+json");
            assertThat(notAnAdmin.json().get("type").asText()).isEqualTo("urn:commonplace:problem:forbidden");
        }
        assertThat(getAsAdmin(STATUS).status()).isEqualTo(200);
        assertThat(rebuild.progress()).isEmpty();
    }

    @Test
    void aRebuildWhileWritesContinueEndsEqualToAFreshProjectionAndReadsNeverStop() throws Exception {
        List<EventEnvelope> seeded = RandomDiscussions.generate("seed", 20, SEEDED_EVENTS / 20, 5);
        TestTopic damaged = TestTopic.named("damaged");
        damaged.open("Damaged", "ada", "Ada");
        damaged.comment("dm-1", "Intact body", "ada", "Ada");
        damaged.reply("dm-2", "dm-1", "A reply", "bo", "Bo");
        publish(seeded);
        publish(damaged.envelopes());
        publishRaw(damaged.topicId, "not an envelope".getBytes(StandardCharsets.UTF_8));
        awaitAllApplied(seeded);
        awaitApplied(damaged.topicId, damaged.lastSequence());

        // a read model gone wrong; every pooled connection prepares the thread's statements against these tables
        jdbc.update("update comment set body = 'damaged' where comment_id = 'dm-1'");
        String thread = "/api/v1/topics/" + damaged.topicId + "/thread";
        assertThat(parallelReads(thread, 200)).allSatisfy(answer ->
                assertThat(answer.get("items").get(0).get("body").asText()).isEqualTo("damaged"));

        // writes go on during the whole rebuild: a few topics, a comment and an edit every 5 ms
        List<TestTopic> writtenDuring = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            TestTopic during = TestTopic.named("during");
            during.open("Written during the rebuild", "ola", "Ola");
            writtenDuring.add(during);
        }
        publish(writtenDuring.stream().flatMap(topic -> topic.envelopes().stream()).toList());
        int[] written = {0};
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        writer.scheduleAtFixedRate(() -> {
            TestTopic during = writtenDuring.get(written[0] % writtenDuring.size());
            String comment = during.topicId + "-c" + written[0]++;
            publish(List.of(during.comment(comment, "Posted while rebuilding", "ola", "Ola"),
                    during.edit(comment, 2, "Edited while rebuilding", "ola", "Ola")));
        }, 0, 5, TimeUnit.MILLISECONDS);
        AtomicBoolean reading = new AtomicBoolean(true);
        String seededThread = "/api/v1/topics/" + seeded.get(0).topicId() + "/thread?limit=5";
        CompletableFuture<List<Integer>> reader = CompletableFuture.supplyAsync(() -> {
            List<Integer> statuses = new ArrayList<>();
            while (reading.get()) {
                statuses.add(get(seededThread).status());
                statuses.add(get("/api/v1/topics?limit=5").status());
                statuses.add(get(thread).status());
            }
            return statuses;
        });

        Response started = startRebuild(token(List.of("admin")));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.header("Location")).endsWith(STATUS);
        assertThat(started.json().get("state").asText()).isEqualTo("rebuilding");
        Instant startedAt = Instant.parse(started.json().get("rebuild").get("startedAt").asText());

        Response second = startRebuild(token(List.of("admin")));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
        assertThat(second.json().get("type").asText()).isEqualTo("urn:commonplace:problem:rebuild-in-progress");

        JsonNode during = getAsAdmin(STATUS).json();
        assertThat(during.get("state").asText()).isEqualTo("rebuilding");
        JsonNode progress = during.get("rebuild");
        assertThat(Instant.parse(progress.get("startedAt").asText())).isEqualTo(startedAt);
        assertThat(progress.get("phase").asText()).isNotBlank();
        assertThat(progress.get("eventsApplied").asLong()).isNotNegative();
        assertThat(progress.has("eventsPerSecond")).isTrue();
        assertThat(progress.has("estimatedSecondsLeft")).isTrue();
        assertThat(during.get("readModels")).isNotEmpty();

        JsonNode outcome = awaitOutcome(startedAt);
        writer.shutdown();
        assertThat(writer.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        reading.set(false);
        List<Integer> statuses = reader.get(30, TimeUnit.SECONDS);

        assertThat(outcome.get("outcome").asText()).isEqualTo("completed");
        assertThat(outcome.get("events").asLong()).isGreaterThanOrEqualTo(seeded.size());
        assertThat(outcome.get("eventsPerSecond").asLong()).isPositive();
        assertThat(Instant.parse(outcome.get("finishedAt").asText())).isAfterOrEqualTo(startedAt);
        assertThat(outcome.get("problem").isNull()).isTrue();
        JsonNode after = getAsAdmin(STATUS).json();
        assertThat(after.get("state").asText()).isEqualTo("live");
        assertThat(after.get("rebuild").isNull()).isTrue();
        assertThat(statuses).isNotEmpty().containsOnly(200);
        assertThat(written[0]).isPositive();

        // the writes of the whole rebuild reached the new read models, and reads see the rebuilt tables only
        for (TestTopic topic : writtenDuring) {
            awaitApplied(topic.topicId, topic.lastSequence());
        }
        awaitCaughtUp();
        assertThat(parallelReads(thread, 200)).allSatisfy(answer ->
                assertThat(answer.get("items").get(0).get("body").asText()).isEqualTo("Intact body"));
        assertThat(schemas()).containsExactly("query");

        Map<String, List<String>> rebuilt = ReadModelDump.of(jdbc);
        Map<String, List<String>> fresh = FreshProjection.ofWholeTopic(INFRASTRUCTURE);
        for (String table : fresh.keySet()) {
            assertThat(rebuilt.get(table)).as(table).hasSameSizeAs(fresh.get(table)).isEqualTo(fresh.get(table));
        }
    }

    @Test
    void aReadWaitingForAnEventOnlyTheRebuildAppliedIsAnsweredAtTheSwitch() throws Exception {
        consumer.stop();
        try {
            TestTopic waiting = TestTopic.named("waiting");
            waiting.open("Waiting", "ada", "Ada");
            waiting.comment("wt-1", "Applied by the rebuild alone", "ada", "Ada");
            publish(waiting.envelopes());
            CompletableFuture<Boolean> applied = CompletableFuture.supplyAsync(
                    () -> positions.awaitApplied(waiting.topicId, waiting.lastSequence(), Duration.ofSeconds(60)));
            await().atMost(Duration.ofSeconds(10)).until(() -> positions.waiting() >= 1);

            assertThat(awaitOutcome(startedRebuild()).get("outcome").asText()).isEqualTo("completed");

            // the live consumer has not run since the events were published: only the switch can tell the waiter
            assertThat(applied.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(positions.appliedSequence(waiting.topicId)).isEqualTo(waiting.lastSequence());
            JsonNode thread = get("/api/v1/topics/" + waiting.topicId + "/thread").json();
            assertThat(thread.get("items").get(0).get("body").asText()).isEqualTo("Applied by the rebuild alone");
        } finally {
            consumer.start();
        }
    }

    @Test
    void aStoppedRebuildLeavesTheLiveModelsAndARestartAfterASwitchCleansUpAndMigratesNothing() {
        TestTopic topic = TestTopic.named("restart");
        topic.open("Restart", "ada", "Ada");
        topic.comment("rs-1", "Still here after a restart", "ada", "Ada");
        publish(topic.envelopes());
        awaitApplied(topic.topicId, topic.lastSequence());
        String thread = "/api/v1/topics/" + topic.topicId + "/thread";
        JsonNode before = get(thread).json();

        // a shutdown during a rebuild: the half-built schema goes, the live read models stay
        startedRebuild();
        rebuild.stop();
        assertThat(rebuild.lastOutcome()).hasValueSatisfying(outcome ->
                assertThat(outcome.outcome()).isEqualTo("cancelled"));
        rebuild.start();
        assertThat(schemas()).containsExactly("query");
        assertThat(get(thread).json()).isEqualTo(before);

        // a completed switch, then what a crash in the middle of another rebuild would leave
        assertThat(awaitOutcome(startedRebuild()).get("outcome").asText()).isEqualTo("completed");
        jdbc.execute("create schema query_rebuild");
        jdbc.execute("create table query_rebuild.comment (comment_id text)");
        jdbc.execute("create schema query_old");

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(QueryServiceApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + INFRASTRUCTURE.jdbcUrl(),
                        "--spring.datasource.username=" + INFRASTRUCTURE.databaseUser(),
                        "--spring.datasource.password=" + INFRASTRUCTURE.databasePassword(),
                        "--commonplace.kafka.bootstrap-servers=" + INFRASTRUCTURE.kafkaBootstrapServers(),
                        "--commonplace.kafka.topic=" + INFRASTRUCTURE.kafkaTopic(),
                        "--commonplace.kafka.group=restart-check", "--commonplace.kafka.partitions=3",
                        "--commonplace.jwt.secret=" + SECRET)) {
            assertThat(schemas()).containsExactly("query");
            Flyway flyway = Flyway.configure().dataSource(INFRASTRUCTURE.jdbcUrl(), INFRASTRUCTURE.databaseUser(),
                    INFRASTRUCTURE.databasePassword()).schemas("query").defaultSchema("query").load();
            flyway.validate();
            assertThat(flyway.info().pending()).isEmpty();
            assertThat(flyway.info().applied()).filteredOn(migration -> migration.getVersion() != null)
                    .extracting(migration -> migration.getVersion().getVersion())
                    .containsExactly("1", "2", "3", "4", "10", "11", "12", "13", "14", "15");
            int port = restarted.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            Response answer = get(thread);
            assertThat(answer.json()).isEqualTo(before);
        }
    }

    private Response startRebuild(String token) {
        Http.Call request = call("POST", STATUS + "/rebuild");
        if (token != null) {
            request.token(token);
        }
        return request.send();
    }

    private Instant startedRebuild() {
        Response started = startRebuild(token(List.of("admin")));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return Instant.parse(started.json().get("rebuild").get("startedAt").asText());
    }

    /** Waits for the rebuild that started at {@code startedAt} to end; its lastRebuild. */
    private JsonNode awaitOutcome(Instant startedAt) {
        JsonNode[] outcome = new JsonNode[1];
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode status = getAsAdmin(STATUS).json();
            JsonNode last = status.get("lastRebuild");
            if (status.get("state").asText().equals("live") && !last.isNull()
                    && Instant.parse(last.get("startedAt").asText()).equals(startedAt)) {
                outcome[0] = last;
                return true;
            }
            return false;
        });
        return outcome[0];
    }

    private List<JsonNode> parallelReads(String url, int reads) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int n = 0; n < reads; n++) {
                answers.add(clients.submit(() -> get(url)));
            }
            List<JsonNode> bodies = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                bodies.add(response.json());
            }
            return bodies;
        } finally {
            clients.shutdown();
        }
    }

    private void awaitAllApplied(List<EventEnvelope> envelopes) {
        Map<String, Long> last = new TreeMap<>();
        envelopes.forEach(envelope -> last.merge(envelope.topicId(), envelope.sequence(), Math::max));
        last.forEach(this::awaitApplied);
    }

    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                getAsAdmin(STATUS).json().get("readModels").get(0).get("lagEvents").asLong(-1) == 0);
    }

    private List<String> schemas() {
        return jdbc.queryForList("select nspname from pg_namespace where nspname like 'query%' order by 1",
                String.class);
    }

    static String token(List<String> roles) {
        return TestTokens.mint("mod-1", "Moderator", roles, Instant.now().plusSeconds(600));
    }
}
