package commonplace.bench;

import commonplace.events.CommentEdited;
import commonplace.events.CommentPosted;
import commonplace.events.DiscussionEvent;
import commonplace.events.EventEnvelope;
import commonplace.events.LinkOrigin;
import commonplace.events.LinkShared;
import commonplace.events.ReplyPosted;
import commonplace.events.TopicOpened;
import commonplace.events.Feed;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a large, realistic event history straight to a Kafka topic (as the command service would have published
 * it: envelopes, contiguous sequences per topic), so that a replay of it can be timed.
 */
final class ReplayCorpus {

    private ReplayCorpus() {
    }

    static void publish(String bootstrapServers, String kafkaTopic, int partitions, long events, int topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(kafkaTopic, partitions, (short) 1)
                    .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1")))).all().get();
        }
        Corpus corpus = new Corpus(99);
        long perTopic = events / topics;
        Instant start = Instant.now().minusSeconds(events / 100 + 3600);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers,
                "acks", "all", "linger.ms", 20, "batch.size", 262_144, "compression.type", "lz4",
                "enable.idempotence", true), new StringSerializer(), new ByteArraySerializer())) {
            long written = 0;
            for (int t = 0; t < topics && written < events; t++) {
                String topicId = "replay-" + t;
                String lastComment = null;
                for (long sequence = 1; sequence <= perTopic && written < events; sequence++, written++) {
                    DiscussionEvent event;
                    String author = "author-" + (sequence % 97);
                    if (sequence == 1) {
                        event = new TopicOpened(topicId, "Replay topic " + t, null, null, null, author, "Forfatter");
                    } else if (lastComment == null || sequence % 5 == 2) {
                        lastComment = topicId + "-c" + sequence;
                        event = new CommentPosted(topicId, lastComment, corpus.body(), author, "Forfatter " + author);
                    } else if (sequence % 5 == 3 || sequence % 5 == 1) {
                        String reply = topicId + "-c" + sequence;
                        event = new ReplyPosted(topicId, reply, lastComment, corpus.body(), author, "Forfatter");
                        lastComment = reply;
                    } else if (sequence % 5 == 4) {
                        event = new LinkShared(topicId, topicId + "-l" + sequence, lastComment, LinkOrigin.BODY,
                                "https://www.nrk.no/" + sequence, "https://www.nrk.no/" + sequence, "www.nrk.no", null,
                                author, "Forfatter");
                    } else {
                        // every fifth event edits the reply posted two events earlier, once
                        event = new CommentEdited(topicId, lastComment, 2, corpus.body(), author, "Forfatter");
                    }
                    EventEnvelope envelope = EventEnvelope.wrap(UUID.randomUUID().toString(), sequence,
                            start.plusMillis(written * 10), event);
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(kafkaTopic, topicId, envelope.toJsonBytes());
                    record.headers().add(Feed.HEADER_TYPE, envelope.type().getBytes(StandardCharsets.UTF_8));
                    record.headers().add(Feed.HEADER_SCHEMA_VERSION,
                            String.valueOf(envelope.schemaVersion()).getBytes(StandardCharsets.UTF_8));
                    producer.send(record);
                }
            }
            producer.flush();
        }
    }
}
