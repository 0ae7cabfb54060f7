package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records no one should publish, produced straight onto the topic: the dead-letter insert can fail on none of them,
 * each is kept exactly as it came (up to the bound), and the stream goes on behind them.
 */
class PoisonRecordsTest extends QueryServiceTestBase {

    private static final int TEN_MB = 10 * 1024 * 1024;

    @Test
    void recordsOfAnyBytesAreDeadLetteredExactlyAndTheStreamGoesOn() throws Exception {
        allowBigRecords();
        TestTopic after = TestTopic.named("after-poison");
        after.open("After the poison", "ada", "Ada");
        byte[] nulKey = "topic\u0000key".getBytes(StandardCharsets.UTF_8);
        byte[] invalidUtf8Key = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 'k'};
        byte[] nulValue = "{\"type\":\"Comment\u0000Posted\"}".getBytes(StandardCharsets.UTF_8);
        byte[] huge = new byte[TEN_MB];
        Arrays.fill(huge, (byte) '{');
        byte[] garbage = {(byte) 0xFF, 0, (byte) 0xFE, '\'', 'x', '\''};
        List<byte[][]> poison = List.of(
                new byte[][]{nulKey, "not json".getBytes(StandardCharsets.UTF_8)},
                new byte[][]{invalidUtf8Key, garbage},
                new byte[][]{after.topicId.getBytes(StandardCharsets.UTF_8), nulValue},
                new byte[][]{after.topicId.getBytes(StandardCharsets.UTF_8), huge},
                new byte[][]{null, garbage});
        List<Long> offsets = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRASTRUCTURE.kafkaBootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * TEN_MB,
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            // every record goes to the partition the healthy topic lives in: they stand right in its way
            int partition = producer.send(new ProducerRecord<>(INFRASTRUCTURE.kafkaTopic(),
                    after.topicId.getBytes(StandardCharsets.UTF_8), after.envelopes().get(0).toJsonBytes()))
                    .get().partition();
            for (byte[][] record : poison) {
                RecordMetadata sent = producer.send(new ProducerRecord<>(INFRASTRUCTURE.kafkaTopic(), partition,
                        record[0], record[1])).get();
                offsets.add(sent.offset());
            }
            byte[] healthy = after.comment("ap-1", "after every poison", "ada", "Ada").toJsonBytes();
            producer.send(new ProducerRecord<>(INFRASTRUCTURE.kafkaTopic(), partition,
                    after.topicId.getBytes(StandardCharsets.UTF_8), healthy)).get();
        }

        awaitApplied(after.topicId, 2);
        List<Map<String, Object>> letters = jdbc.queryForList("""
                select record_key, record_value, record_value_size, reason from dead_letter
                where kafka_topic = ? and kafka_offset = any(?) order by kafka_offset""",
                INFRASTRUCTURE.kafkaTopic(), offsets.toArray(Long[]::new));
        assertThat(letters).hasSize(5);
        assertThat((byte[]) letters.get(0).get("record_key")).isEqualTo(nulKey);
        assertThat((byte[]) letters.get(1).get("record_key")).isEqualTo(invalidUtf8Key);
        assertThat((byte[]) letters.get(1).get("record_value")).isEqualTo(garbage);
        assertThat((byte[]) letters.get(2).get("record_value")).isEqualTo(nulValue);
        assertThat((byte[]) letters.get(3).get("record_value")).hasSize(1024 * 1024);
        assertThat(letters.get(3).get("record_value_size")).isEqualTo(TEN_MB);
        assertThat(letters.get(4).get("record_key")).isNull();
        for (Map<String, Object> letter : letters) {
            String reason = (String) letter.get("reason");
            assertThat(reason).isNotBlank().hasSizeLessThanOrEqualTo(500).doesNotContain("\u0000", "'x'");
            assertThat(reason.chars().noneMatch(Character::isISOControl)).as(reason).isTrue();
        }
        JsonNode comment = get("/api/v1/comments/ap-1").json();
        assertThat(comment.get("body").asText()).isEqualTo("after every poison");
    }

    /** The broker refuses records over 1 MB unless the topic allows them. */
    private static void allowBigRecords() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                INFRASTRUCTURE.kafkaBootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, INFRASTRUCTURE.kafkaTopic());
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                    new ConfigEntry("max.message.bytes", String.valueOf(3 * TEN_MB)), AlterConfigOp.OpType.SET))))
                    .all().get();
        }
    }
}
