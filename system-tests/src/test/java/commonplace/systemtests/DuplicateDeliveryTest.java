package commonplace.systemtests;

import commonplace.events.EventEnvelope;
import commonplace.events.Feed;
import commonplace.testing.http.Http;
import commonplace.testing.kafka.FeedLog;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every event published a second time (what a publisher crash after the send and before its token moved produces)
 * changes nothing in any read model.
 */
class DuplicateDeliveryTest extends StackTest {

    private static final List<String> TOPICS = List.of("dobbel-a", "dobbel-b");
    private static final List<String> AUTHORS = List.of("ada", "bo");


    @Test
    void events_delivered_twice_change_nothing_in_any_read_model() {
        String ada = api.token("ada", "Ada Lovelace");
        String bo = api.token("bo", "Bø Ångström");
        String lastPosition = null;
        for (String topic : TOPICS) {
            api.openTopic(ada, topic, "Dobbel " + topic, "https://example.no/" + topic);
            String root = api.postComment(ada, topic, "Se https://nrk.no/" + topic + " – æøå").json().get("commentId").asText();
            String reply = api.reply(bo, root, "Enig!\n\nHelt enig.").json().get("commentId").asText();
            api.edit(ada, root, "Se https://nrk.no/" + topic + "/oppdatert", 1);
            api.retract(bo, reply);
            lastPosition = api.shareLink(bo, topic, "https://vg.no/" + topic, "Les dette", root).json().get("position").asText();
        }
        String position = lastPosition;
        await().atMost(Duration.ofSeconds(90)).until(() ->
                api.read("/topics/dobbel-b?consistentWith=" + ApiClient.encode(position)).header("X-Commonplace-Stale") == null);
        awaitCaughtUp(api);
        String before = ReadModels.dump(api, TOPICS, AUTHORS);
        List<EventEnvelope> published = FeedLog.readAll(infrastructure.kafkaBootstrapServers(), infrastructure.kafkaTopic());

        republish(published);
        await().atMost(Duration.ofSeconds(30)).until(() -> FeedLog.readAll(infrastructure.kafkaBootstrapServers(),
                infrastructure.kafkaTopic()).size() == 2 * published.size());
        awaitCaughtUp(api);

        assertThat(ReadModels.dump(api, TOPICS, AUTHORS)).isEqualTo(before);
        System.out.println("duplicate delivery: " + published.size() + " events published twice; read models unchanged ("
                + before.lines().count() + " lines compared)");
    }

    private void republish(List<EventEnvelope> envelopes) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                "bootstrap.servers", infrastructure.kafkaBootstrapServers(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (EventEnvelope envelope : envelopes) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(infrastructure.kafkaTopic(),
                        envelope.topicId(), envelope.toJsonBytes());
                record.headers().add(Feed.HEADER_TYPE, envelope.type().getBytes(StandardCharsets.UTF_8));
                record.headers().add(Feed.HEADER_SCHEMA_VERSION,
                        String.valueOf(envelope.schemaVersion()).getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** Waits until the query service reports no lag in any read model. */
    static void awaitCaughtUp(ApiClient api) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Http.Response status = api.readAsAdmin("/admin/projections");
            if (status.status() != 200) {
                return false;
            }
            List<com.fasterxml.jackson.databind.JsonNode> lags = status.json().findValues("lagEvents");
            return !lags.isEmpty() && lags.stream().allMatch(lag -> lag.asLong() == 0);
        });
    }
}
