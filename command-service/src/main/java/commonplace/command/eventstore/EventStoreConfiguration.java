package commonplace.command.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import commonplace.events.EventJson;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon's side of the event store: Jackson for every serializer (events, snapshots, tokens), with the one event
 * mapper setup of shared-events, so that stored payloads are the same JSON as the published ones; the Topic
 * aggregate's cache and snapshot trigger. The JDBC storage engine and token store come from Axon's
 * auto-configuration on the tables Flyway creates.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    @Bean
    RevisionResolver revisionResolver() {
        return new SchemaVersionRevisionResolver();
    }

    /** The general serializer; Axon derives the event and message serializers from it (all set to jackson). */
    @Bean
    @Primary
    Serializer axonSerializer(RevisionResolver revisionResolver) {
        ObjectMapper mapper = EventJson.configure(new ObjectMapper());
        return JacksonSerializer.builder()
                .objectMapper(mapper)
                .revisionResolver(revisionResolver)
                .build();
    }

    @Bean
    Cache topicCache(@Value("${commonplace.topics.cache-size}") int size) {
        return new BoundedCache(size);
    }

    /**
     * Snapshots are taken on a thread of their own, never on the command's thread: there the aggregate is still locked
     * while the snapshot needs a second connection, so under load every snapshot stalled the topic behind a full
     * pool. A snapshot is only an optimisation: when the queue is full the newest request is dropped.
     */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolExecutor snapshotExecutor() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1_000),
                runnable -> {
                    Thread thread = new Thread(runnable, "topic-snapshotter");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy());
    }

    @Bean
    SpringAggregateSnapshotterFactoryBean snapshotter(ThreadPoolExecutor snapshotExecutor) {
        SpringAggregateSnapshotterFactoryBean snapshotter = new SpringAggregateSnapshotterFactoryBean();
        snapshotter.setExecutor(snapshotExecutor);
        return snapshotter;
    }

    @Bean
    SnapshotTriggerDefinition topicSnapshotTrigger(Snapshotter snapshotter,
                                                   @Value("${commonplace.topics.snapshot-threshold}") int minimum) {
        return new ProportionalSnapshotTriggerDefinition(snapshotter, minimum);
    }
}
