package commonplace.command.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import commonplace.command.privacy.EventSealing;
import commonplace.command.privacy.SealingEventStorageEngine;
import commonplace.events.EventJson;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.springframework.beans.factory.annotation.Qualifier;
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
 * mapper setup of shared-events, so that stored payloads are the same JSON as the published ones; Axon's JDBC storage
 * engine on the tables Flyway creates, with sealing around it (every personal field stored sealed); the Topic
 * aggregate's cache and snapshot trigger. The token store comes from Axon's auto-configuration.
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

    /** Axon's own JDBC engine, as its auto-configuration would make it, wrapped so that what it stores is sealed. */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          EventSealing sealing) {
        PersistenceExceptionResolver exceptions = new JdbcSQLErrorCodesResolver();
        JdbcEventStorageEngine storage = JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(exceptions)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .build();
        return new SealingEventStorageEngine(storage, sealing);
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
