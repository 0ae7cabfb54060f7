package commonplace.command.publishing;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka producer (idempotent, acks=all, small linger, lz4) and the tracking processor that feeds it: one
 * segment so that the topic sees the events in store order, batches of a few hundred, short claim and poll intervals,
 * and every failure propagated so that the token never moves past an event Kafka did not acknowledge.
 */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    @Bean(destroyMethod = "")
    Producer<String, byte[]> kafkaProducer(KafkaSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "commonplace-command-publisher");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        int deliveryTimeout = (int) settings.deliveryTimeout().toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(deliveryTimeout - 10, 10_000));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.maxBlock().toMillis());
        // a broker that comes back is found within a second, not after the default back-off
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        config.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 1_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }

    @Bean
    ProducerCloser kafkaProducerCloser(Producer<String, byte[]> producer) {
        return new ProducerCloser(producer);
    }

    @Bean
    ConfigurerModule kafkaPublisherProcessor(@Value("${commonplace.publishing.batch-size}") int batchSize) {
        TrackingEventProcessorConfiguration processor = TrackingEventProcessorConfiguration
                .forSingleThreadedProcessing()
                .andInitialSegmentsCount(1)
                .andBatchSize(batchSize)
                .andTokenClaimInterval(1, TimeUnit.SECONDS)
                .andEventAvailabilityTimeout(1, TimeUnit.SECONDS);
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(KafkaPublisher.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore, c -> processor)
                .registerListenerInvocationErrorHandler(KafkaPublisher.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(KafkaPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
    }

    /** Closes the producer after Axon stopped the publishing processor, without waiting long for a broker that is away. */
    static final class ProducerCloser implements org.springframework.beans.factory.DisposableBean {

        private final Producer<String, byte[]> producer;

        ProducerCloser(Producer<String, byte[]> producer) {
            this.producer = producer;
        }

        @Override
        public void destroy() {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
