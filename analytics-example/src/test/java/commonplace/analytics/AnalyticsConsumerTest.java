package commonplace.analytics;

import commonplace.events.CommentPosted;
import commonplace.events.DiscussionEvent;
import commonplace.events.EventEnvelope;
import commonplace.events.LinkOrigin;
import commonplace.events.LinkShared;
import commonplace.events.ReplyPosted;
import commonplace.events.TopicOpened;
import commonplace.testing.IsolatedInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The example consumer on a real broker: its summary matches what was posted, across a restart and redelivery. */
class AnalyticsConsumerTest {

    private static final IsolatedInfrastructure INFRA = IsolatedInfrastructure.forTestClass(AnalyticsConsumerTest.class);

    @TempDir
    Path state;

    @BeforeAll
    static void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", INFRA.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(INFRA.kafkaTopic(), 3, (short) 1))).all().get();
        }
    }

    @Test
    void the_summary_matches_what_was_posted_and_survives_a_restart_and_duplicates() {
        List<DiscussionEvent> episode = List.of(
                new TopicOpened("episode-90", "Episode 90", null, null, null, "kari", "Kari"),
                new CommentPosted("episode-90", "c1", "Se https://nrk.no/a", "kari", "Kari"),
                new LinkShared("episode-90", "l1", "c1", LinkOrigin.BODY, "https://nrk.no/a", "https://nrk.no/a",
                        "nrk.no", null, "kari", "Kari"),
                new ReplyPosted("episode-90", "c2", "c1", "Enig!", "bo", "Bø"),
                new CommentPosted("episode-90", "c3", "Flott.", "bo", "Bø"));
        List<DiscussionEvent> article = List.of(
                new TopicOpened("article-7", "Article 7", null, null, null, "ada", "Ada"),
                new CommentPosted("article-7", "c4", "Nice", "bo", "Bø"),
                new LinkShared("article-7", "l2", null, LinkOrigin.SHARE, "https://nrk.no/b", "https://nrk.no/b",
                        "nrk.no", null, "ada", "Ada"),
                new LinkShared("article-7", "l3", null, LinkOrigin.SHARE, "https://vg.no/c", "https://vg.no/c",
                        "vg.no", null, "ada", "Ada"));
        publish(episode.subList(0, 3), 1);
        publish(article, 1);
        publish(List.of("not an envelope".getBytes(StandardCharsets.UTF_8)));

        AnalyticsConsumer.Settings settings = new AnalyticsConsumer.Settings(INFRA.kafkaBootstrapServers(),
                INFRA.kafkaTopic(), "analytics-test", state.resolve("summary.json"), Duration.ofSeconds(5));
        try (AnalyticsConsumer first = new AnalyticsConsumer(settings)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                first.pollOnce(Duration.ofMillis(200));
                return first.summary().commentsIn("episode-90") == 1 && first.summary().commentsIn("article-7") == 1;
            });
        }

        // after the restart: the rest of episode 90, plus a re-send of its first three events (a publisher retry)
        publish(episode.subList(0, 3), 1);
        publish(episode.subList(3, 5), 4);
        try (AnalyticsConsumer second = new AnalyticsConsumer(settings)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                second.pollOnce(Duration.ofMillis(200));
                return second.summary().commentsIn("episode-90") == 3;
            });
            for (int i = 0; i < 3; i++) {
                second.pollOnce(Duration.ofMillis(200));
            }
            DiscussionSummary summary = second.summary();

            assertThat(summary.topicsByComments(10)).containsExactly(
                    new DiscussionSummary.Ranked("episode-90", 3), new DiscussionSummary.Ranked("article-7", 1));
            assertThat(summary.mostActiveAuthors(10)).containsExactly(
                    new DiscussionSummary.Ranked("ada", 3), new DiscussionSummary.Ranked("bo", 3),
                    new DiscussionSummary.Ranked("kari", 3));
            assertThat(summary.mostSharedDomains(10)).containsExactly(
                    new DiscussionSummary.Ranked("nrk.no", 2), new DiscussionSummary.Ranked("vg.no", 1));
            assertThat(summary.state().skippedUnreadable()).isEqualTo(1);
        }
    }

    private void publish(List<DiscussionEvent> events, long firstSequence) {
        List<byte[]> values = new ArrayList<>();
        long sequence = firstSequence;
        for (DiscussionEvent event : events) {
            values.add(EventEnvelope.wrap(UUID.randomUUID().toString(), sequence++, Instant.now(), event).toJsonBytes());
        }
        publish(values, events.get(0).topicId());
    }

    private void publish(List<byte[]> values) {
        publish(values, "garbage");
    }

    private void publish(List<byte[]> values, String key) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", INFRA.kafkaBootstrapServers(),
                "acks", "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] value : values) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(INFRA.kafkaTopic(), key, value);
                producer.send(record);
            }
            producer.flush();
        }
    }
}
