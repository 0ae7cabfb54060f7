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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sealing one append of many authors and topics on a real PostgreSQL: every author's key is share-locked and every
 * (key, topic) recorded in one statement for the whole append, an author whose key was erased elsewhere gets the next
 * generation without touching the others, and hundreds of authors still take one statement. An erasure and a write
 * sealing with the same key wait for each other, whichever locked first.
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
    PlatformTransactionManager transactions;
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
    void a_write_sealing_while_an_erasure_is_uncommitted_waits_for_it_and_then_seals_under_the_next_generation()
            throws Exception {
        sealing.seal(List.of(comment(author(0), topic(0)), comment(author(1), topic(0))));
        String erased = keys.keyInUse(author(0)).keyId();
        String kept = keys.keyInUse(author(1)).keyId();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (Connection erasure = dataSource.getConnection()) {
            erasure.setAutoCommit(false);
            try (PreparedStatement update = erasure.prepareStatement("update data_key set wrapped_key = null,"
                    + " kek_id = null, erased_at = now() where key_id = ?")) {
                update.setString(1, erased);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            Future<List<EventMessage<?>>> sealed = writer.submit(() -> sealing.seal(
                    List.of(comment(author(0), topic(1)), comment(author(1), topic(1)))));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLock("with wanted as%"));
            assertThat(sealed.isDone()).isFalse();
            erasure.commit();

            List<String> keyIds = sealed.get(30, TimeUnit.SECONDS).stream().map(this::sealedKeyId).toList();
            String next = keys.keyInUse(author(0)).keyId();
            assertThat(keyIds).containsExactly(next, kept);
            assertThat(next).isNotEqualTo(erased);
            assertThat(recordedTopics(erased)).containsExactly(topic(0));
            assertThat(recordedTopics(next)).containsExactly(topic(1));
            assertThat(recordedTopics(kept)).containsExactlyInAnyOrder(topic(0), topic(1));
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void an_erasure_waits_for_a_write_still_sealing_with_the_key_and_then_finds_the_topic_it_wrote_in()
            throws Exception {
        sealing.seal(List.of(comment(author(0), topic(0))));
        String key = keys.keyInUse(author(0)).keyId();
        EventSealing inTransaction = new EventSealing(keys, jdbc, serializer);
        CountDownLatch sealedIn = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> write = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                inTransaction.seal(List.of(comment(author(0), topic(5)), comment(author(1), topic(5))));
                sealedIn.countDown();
                try {
                    commit.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(sealedIn.await(30, TimeUnit.SECONDS)).isTrue();
            Future<List<String>> erasing = pool.submit(() -> store.erase(author(0)));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLock("update data_key%"));
            assertThat(erasing.isDone()).isFalse();
            commit.countDown();

            write.get(30, TimeUnit.SECONDS);
            assertThat(erasing.get(30, TimeUnit.SECONDS)).containsExactly(key);
            assertThat(recordedTopics(key)).containsExactlyInAnyOrder(topic(0), topic(5));
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
    }

    private boolean waitingOnLock(String queryLike) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from pg_stat_activity"
                + " where wait_event_type = 'Lock' and query like ?)", Boolean.class, queryLike));
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

    /** Each recorded pair costs one heap row and one primary-key entry: no trigger, no second index (V10). */
    @Test
    void a_recorded_participation_is_checked_by_no_trigger_and_kept_in_no_second_index() {
        sealing.seal(List.of(comment(author(1), topic(1))));

        assertThat(jdbc.queryForList("select tgname from pg_trigger where tgrelid = 'key_participation'::regclass",
                String.class)).isEmpty();
        assertThat(jdbc.queryForList("select indexrelid::regclass::text from pg_index"
                + " where indrelid = 'key_participation'::regclass", String.class))
                .containsExactly("key_participation_pkey");
        assertThat(jdbc.queryForObject("select count(*) from key_participation p"
                + " where not exists (select 1 from data_key k where k.key_id = p.key_id)", Integer.class)).isZero();
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
