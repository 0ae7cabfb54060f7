package commonplace.command.publishing;

import commonplace.events.KafkaClientSecurity;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionalProducerTest {

    private final KafkaSettings settings = new KafkaSettings("127.0.0.1:9", "t", 1, (short) 1,
            Duration.ofSeconds(30), Duration.ofSeconds(10), KafkaClientSecurity.none());
    private final List<MockProducer<String, byte[]>> created = new ArrayList<>();
    private final TransactionalProducer producer = new TransactionalProducer(settings, config -> {
        MockProducer<String, byte[]> mock = new MockProducer<>(true, new StringSerializer(), new ByteArraySerializer());
        created.add(mock);
        return mock;
    });

    @Test
    void a_batch_becomes_visible_only_when_its_transaction_commits() {
        producer.beginIfNeeded();
        producer.send(record("a"));
        producer.beginIfNeeded();
        producer.send(record("b"));

        assertThat(created.get(0).history()).isEmpty();
        producer.commit();

        assertThat(created).hasSize(1);
        assertThat(created.get(0).history()).extracting(ProducerRecord::key).containsExactly("a", "b");
        assertThat(created.get(0).transactionCommitted()).isTrue();
    }

    @Test
    void a_failed_commit_forgets_the_producer_so_the_retried_batch_starts_fenced_and_fresh() {
        producer.beginIfNeeded();
        producer.send(record("a"));
        created.get(0).commitTransactionException = new KafkaException("broker away");

        assertThatThrownBy(producer::commit).isInstanceOf(KafkaPublishingException.class);
        assertThat(created.get(0).closed()).isTrue();

        producer.beginIfNeeded();
        producer.send(record("a"));
        producer.commit();
        assertThat(created).hasSize(2);
        assertThat(created.get(1).transactionInitialized()).isTrue();
        assertThat(created.get(1).history()).extracting(ProducerRecord::key).containsExactly("a");
    }

    @Test
    void an_aborted_batch_publishes_nothing() {
        producer.beginIfNeeded();
        producer.send(record("a"));

        producer.abort();

        assertThat(created.get(0).history()).isEmpty();
        assertThat(created.get(0).closed()).isTrue();
    }

    private static ProducerRecord<String, byte[]> record(String key) {
        return new ProducerRecord<>("t", key, new byte[]{1});
    }

    @Test
    void theBrokersSecuritySettingsReachTheProducer() {
        KafkaClientSecurity sasl = new KafkaClientSecurity("SASL_SSL", "SCRAM-SHA-512",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"c\" password=\"p\";",
                null, null);
        Map<String, Object> config = TransactionalProducer.configuration(new KafkaSettings("127.0.0.1:9", "t", 1,
                (short) 1, Duration.ofSeconds(30), Duration.ofSeconds(10), sasl));
        assertThat(config).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKey("sasl.jaas.config").containsEntry("acks", "all");
        assertThat(TransactionalProducer.configuration(settings)).doesNotContainKeys("security.protocol",
                "sasl.mechanism", "sasl.jaas.config");
    }
}
