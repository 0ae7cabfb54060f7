package commonplace.command.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.command.support.Tokens;
import commonplace.events.CommentPosted;
import commonplace.events.EventJson;
import commonplace.events.TopicLocked;
import commonplace.testing.IsolatedInfrastructure;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sealing one append of many authors and topics on a real PostgreSQL: every author's key is share-locked and every
 * (key, topic) recorded in one statement for the whole append, an author whose key was erased elsewhere gets the next
 * generation without touching the others, and hundreds of authors still take one statement.
 */
@SpringBootTest(properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET,
        "commonplace.privacy.key-encryption-key=" + TestKeys.KEK})
class EventSealingBatchTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IsolatedInfrastructure.forTestClass(EventSealingBatchTest.class).registerSpringProperties(registry);
    }

    @Autowired
    DataKeyStore store;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    private final AtomicInteger statements = new AtomicInteger();
    private CachedDataKeys keys;
    private EventSealing sealing;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void sealingThatCountsItsStatements() {
        keys = new CachedDataKeys(store, 10_000, Duration.ofMinutes(10));
        sealing = new EventSealing(keys, new JdbcTemplate(counting(dataSource)), serializer);
    }

    @Test
    void one_append_of_many_authors_and_topics_locks_and_records_every_key_and_topic_in_one_statement() {
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(GenericEventMessage.asEventMessage("not a discussion event"));
        for (int a = 0; a < 5; a++) {
            for (int t = 0; t < 4; t++) {
                events.add(comment(author(a), topic(t)));
                events.add(comment(author(a), topic(t)));
            }
        }
        events.add(domain(topic(0), new TopicLocked(topic(0), "Låst", author(0), author(0) + " navn")));

        List<EventMessage<?>> sealed = sealing.seal(events);

        assertThat(statements.get()).isEqualTo(1);
        assertThat(sealed).hasSameSizeAs(events);
        assertThat(sealed.get(0)).isSameAs(events.get(0));
        for (int a = 0; a < 5; a++) {
            String keyId = keys.keyInUse(author(a)).keyId();
            assertThat(recordedTopics(keyId)).containsExactlyInAnyOrder(topic(0), topic(1), topic(2), topic(3));
        }
        for (EventMessage<?> event : sealed.subList(1, sealed.size())) {
            String author = ((commonplace.events.DiscussionEvent) event.getPayload()).authorId();
            assertThat(sealedKeyId(event)).isEqualTo(keys.keyInUse(author).keyId());
        }
    }

    @Test
    void an_author_whose_key_was_erased_elsewhere_gets_the_next_generation_and_the_others_keep_theirs() {
        sealing.seal(List.of(comment(author(0), topic(0)), comment(author(1), topic(0)), comment(author(2), topic(0))));
        String[] before = {keys.keyInUse(author(0)).keyId(), keys.keyInUse(author(1)).keyId(),
                keys.keyInUse(author(2)).keyId()};
        // erased by another instance: this cache still holds the erased key as the one in use
        assertThat(store.erase(author(1))).containsExactly(before[1]);
        statements.set(0);

        List<EventMessage<?>> sealed = sealing.seal(List.of(comment(author(0), topic(1)), comment(author(1), topic(1)),
                comment(author(2), topic(1)), comment(author(1), topic(2))));

        assertThat(statements.get()).as("one for all, one more for the erased author's next key").isEqualTo(2);
        String next = keys.keyInUse(author(1)).keyId();
        assertThat(next).isNotEqualTo(before[1]);
        assertThat(jdbc.queryForObject("select generation from data_key where key_id = ?", Integer.class, next))
                .isEqualTo(2);
        assertThat(sealed.stream().map(this::sealedKeyId).toList())
                .containsExactly(before[0], next, before[2], next);
        assertThat(recordedTopics(before[1])).containsExactly(topic(0));
        assertThat(recordedTopics(next)).containsExactlyInAnyOrder(topic(1), topic(2));
        assertThat(recordedTopics(before[0])).containsExactlyInAnyOrder(topic(0), topic(1));
        assertThat(recordedTopics(before[2])).containsExactlyInAnyOrder(topic(0), topic(1));
    }

    @Test
    void hundreds_of_distinct_authors_in_one_append_still_take_one_statement() {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int a = 0; a < 300; a++) {
            events.add(comment(author(a), topic(a % 7)));
            events.add(comment(author(a), topic(100 + a)));
        }

        sealing.seal(events);

        assertThat(statements.get()).isEqualTo(1);
        Set<String> keyIds = new HashSet<>();
        for (int a = 0; a < 300; a++) {
            keyIds.add(keys.keyInUse(author(a)).keyId());
            assertThat(recordedTopics(keys.keyInUse(author(a)).keyId()))
                    .containsExactlyInAnyOrder(topic(a % 7), topic(100 + a));
        }
        assertThat(keyIds).hasSize(300);
    }

    private String author(int n) {
        return "sealer-" + run + "-" + n;
    }

    private String topic(int n) {
        return "sealing-" + run + "-" + n;
    }

    private static GenericDomainEventMessage<?> comment(String author, String topic) {
        return domain(topic, new CommentPosted(topic, "c-" + UUID.randomUUID(), "Hemmelig tekst fra " + author,
                "no", author, "Navn " + author));
    }

    private static GenericDomainEventMessage<?> domain(String topic, Object payload) {
        return new GenericDomainEventMessage<>("Topic", topic, 0, payload, Map.of());
    }

    private List<String> recordedTopics(String keyId) {
        return jdbc.queryForList("select topic_id from key_participation where key_id = ?", String.class, keyId);
    }

    private String sealedKeyId(EventMessage<?> event) {
        byte[] json = event.serializePayload(serializer, byte[].class).getData();
        try {
            JsonNode payload = EventJson.mapper().readTree(json);
            return payload.path("encrypted").path("keyId").asText(null);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The data source, counting every statement prepared on its connections. */
    private DataSource counting(DataSource target) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                            if (method.getName().startsWith("prepare")) {
                                statements.incrementAndGet();
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }
}
