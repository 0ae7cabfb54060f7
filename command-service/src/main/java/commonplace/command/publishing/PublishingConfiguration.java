package commonplace.command.publishing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/**
 * The transactional Kafka producer (acks=all, small linger, lz4) and the tracking processor that feeds it: one
 * segment so that the feed sees the events in store order, batches of a few hundred, short claim and poll intervals,
 * and every failure propagated so that the token never moves past an event Kafka did not acknowledge.
 */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    @Bean
    TransactionalProducer kafkaProducer(KafkaSettings settings) {
        return new TransactionalProducer(settings);
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
}
