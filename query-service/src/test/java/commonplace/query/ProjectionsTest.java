package commonplace.query;

import com.zaxxer.hikari.HikariDataSource;
import commonplace.events.EventEnvelope;
import commonplace.events.LinkOrigin;
import commonplace.query.activity.ActivityProjection;
import commonplace.query.eventlog.EventLogProjection;
import commonplace.query.ingest.AppliedEvent;
import commonplace.query.ingest.BatchApplier;
import commonplace.query.ingest.BatchOutcome;
import commonplace.query.ingest.Projection;
import commonplace.query.thread.ThreadProjection;
import commonplace.query.topics.TopicsProjection;
import commonplace.testing.IsolatedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The projections and the batch transaction on a real PostgreSQL, fed Kafka records directly. */
class ProjectionsTest {

    private static final String KAFKA_TOPIC = "projections-test";
    private static final List<Projection> PROJECTIONS = List.of(new EventLogProjection(), new TopicsProjection(),
            new ThreadProjection(), new ActivityProjection());

    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;
    private static BatchApplier applier;
    private static final AtomicLong nextOffset = new AtomicLong();

    @BeforeAll
    static void database() {
        IsolatedInfrastructure infrastructure = IsolatedInfrastructure.forTestClass(ProjectionsTest.class);
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(infrastructure.jdbcUrl());
        dataSource.setUsername(infrastructure.databaseUser());
        dataSource.setPassword(infrastructure.databasePassword());
        dataSource.setSchema("query");
        dataSource.setMaximumPoolSize(2);
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        Flyway.configure().dataSource(dataSource).schemas("query").defaultSchema("query").createSchemas(true)
                .load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        applier = new BatchApplier(jdbc, transactions, PROJECTIONS);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void repliesNestDepthFirstOldestFirstWithDirectReplyCounts() {
        TestTopic topic = TestTopic.named("tree");
        topic.open("Tree", "kari", "Kari");
        topic.comment("t-a", "A", "kari", "Kari");
        topic.comment("t-b", "B", "bo", "Bo");
        topic.reply("t-a1", "t-a", "A1", "bo", "Bo");
        topic.reply("t-a1x", "t-a1", "A1x", "kari", "Kari");
        topic.reply("t-a2", "t-a", "A2", "ola", "Ola");
        topic.reply("t-b1", "t-b", "B1", "kari", "Kari");
        // split over two batches: the second replies to comments of the first
        apply(topic.envelopes().subList(0, 4));
        apply(topic.envelopes().subList(4, 7));

        List<Map<String, Object>> tree = jdbc.queryForList(
                "select comment_id, parent_id, root_id, depth, reply_count from comment where topic_id = ? order by path",
                topic.topicId);
        assertThat(tree).extracting(row -> row.get("comment_id"))
                .containsExactly("t-a", "t-a1", "t-a1x", "t-a2", "t-b", "t-b1");
        assertThat(tree).extracting(row -> row.get("reply_count")).containsExactly(2, 1, 0, 0, 1, 0);
        assertThat(tree).extracting(row -> row.get("depth")).containsExactly(0, 1, 2, 1, 0, 1);
        assertThat(tree).extracting(row -> row.get("root_id"))
                .containsExactly("t-a", "t-a", "t-a", "t-a", "t-b", "t-b");
        Map<String, Object> summary = jdbc.queryForMap(
                "select title, comment_count, last_sequence from topic where topic_id = ?", topic.topicId);
        assertThat(summary).containsEntry("title", "Tree").containsEntry("comment_count", 6)
                .containsEntry("last_sequence", 7L);
    }

    @Test
    void editsKeepEveryRevisionAndRetractionHidesContentButKeepsThePlace() {
        TestTopic topic = TestTopic.named("edits");
        topic.open("Edits", "kari", "Kari");
        topic.comment("e-1", "First https://example.com/a.", "kari", "Kari");
        topic.link("e-l1", "e-1", LinkOrigin.BODY, "https://example.com/a", "https://example.com/a", "example.com",
                "kari", "Kari");
        topic.reply("e-2", "e-1", "Reply that quotes", "bo", "Bo");
        apply(topic.envelopes());
        topic.edit("e-1", 2, "Second https://example.com/a-2, https://example.org/b", "kari", "Kari");
        topic.link("e-l2", "e-1", LinkOrigin.BODY, "https://example.org/b", "https://example.org/b", "example.org",
                "kari", "Kari");
        topic.link("e-l3", "e-2", LinkOrigin.SHARE, "https://share.example/x", "https://share.example/x",
                "share.example", "ola", "Ola");
        topic.retract("e-2", true, "mod", "Moderator");
        topic.link("e-l4", null, LinkOrigin.SHARE, "https://loose.example/", "https://loose.example/",
                "loose.example", "ola", "Ola");
        apply(topic.envelopes().subList(4, 9));

        Map<String, Object> edited = jdbc.queryForMap(
                "select body, revision, edited_at is not null as edited from comment where comment_id = 'e-1'");
        assertThat(edited).containsEntry("body", "Second https://example.com/a-2, https://example.org/b").containsEntry("revision", 2)
                .containsEntry("edited", true);
        assertThat(jdbc.queryForList("select body from comment_revision where comment_id = 'e-1' order by revision",
                String.class)).containsExactly("First https://example.com/a.", "Second https://example.com/a-2, https://example.org/b");
        // the edit dropped example.com/a from the body (a-2 is another address), so its link went with it
        assertThat(jdbc.queryForList("select url from comment_link where comment_id = 'e-1'", String.class))
                .containsExactly("https://example.org/b");

        Map<String, Object> retracted = jdbc.queryForMap(
                "select body, retracted, parent_id from comment where comment_id = 'e-2'");
        assertThat(retracted).containsEntry("retracted", true).containsEntry("parent_id", "e-1");
        assertThat(retracted.get("body")).isNull();
        // never edited: its one revision is the comment's row, and comment_revision holds nothing of it
        assertThat(jdbc.queryForList("select body from comment_revision where comment_id = 'e-2'", String.class))
                .isEmpty();
        assertThat(jdbc.queryForList("select url from comment_link where comment_id = 'e-2'", String.class)).isEmpty();
        assertThat(jdbc.queryForObject("select reply_count from comment where comment_id = 'e-1'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select comment_count from topic where topic_id = ?", Integer.class,
                topic.topicId)).isEqualTo(1);

        List<String> summaries = jdbc.queryForList("select summary from activity where topic_id = ? order by sequence",
                String.class, topic.topicId);
        assertThat(summaries).containsExactly("opened “Edits”", "commented: First https://example.com/a.",
                "shared example.com", "replied to e-1", "edited (revision 2)", "shared example.org",
                "shared a link", "retracted by a moderator", "shared loose.example");
    }

    @Test
    void aBodyLinkEditedAwayAndBackIsGoneWhereverTheBatchesBreak() {
        // the same story in one batch, and with the first link stored a batch earlier: both end like event by event
        for (boolean oneBatch : List.of(true, false)) {
            TestTopic topic = TestTopic.named("away-and-back");
            String comment = "ab-" + oneBatch;
            topic.open("Away and back", "kari", "Kari");
            topic.comment(comment, "See https://a.example/x", "kari", "Kari");
            topic.link(comment + "-l1", comment, LinkOrigin.BODY, "https://a.example/x", "https://a.example/x",
                    "a.example", "kari", "Kari");
            topic.edit(comment, 2, "No address now", "kari", "Kari");
            topic.edit(comment, 3, "Again https://a.example/x", "kari", "Kari");
            topic.link(comment + "-l2", comment, LinkOrigin.BODY, "https://a.example/x", "https://a.example/x",
                    "a.example", "kari", "Kari");
            if (oneBatch) {
                apply(topic.envelopes());
            } else {
                apply(topic.envelopes().subList(0, 3));
                apply(topic.envelopes().subList(3, 6));
            }
            assertThat(jdbc.queryForList("select share_id from comment_link where comment_id = ?", String.class,
                    comment)).as("one batch: %s", oneBatch).containsExactly(comment + "-l2");
        }
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        TestTopic topic = TestTopic.named("redelivery");
        topic.open("Redelivery", "kari", "Kari");
        topic.comment("r-1", "One", "kari", "Kari");
        topic.reply("r-2", "r-1", "Two", "bo", "Bo");
        topic.edit("r-1", 2, "One, edited", "kari", "Kari");
        List<ConsumerRecord<byte[], byte[]>> records = records(topic.envelopes());
        assertThat(applier.apply(records).applied()).isEqualTo(4);
        Map<String, List<String>> before = ReadModelDump.of(jdbc);

        BatchOutcome sameOffsets = applier.apply(records);
        BatchOutcome newOffsets = applier.apply(records(topic.envelopes()));

        assertThat(sameOffsets.applied()).isZero();
        assertThat(sameOffsets.skippedDuplicates()).isEqualTo(4);
        assertThat(newOffsets.skippedDuplicates()).isEqualTo(4);
        assertThat(ReadModelDump.of(jdbc)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select next_offset from consumer_offset where kafka_topic = ?", Long.class,
                KAFKA_TOPIC)).isEqualTo(nextOffset.get());
    }

    @Test
    void unreadableRecordsAreDeadLetteredAndTheRestIsApplied() {
        TestTopic topic = TestTopic.named("dead");
        EventEnvelope opened = topic.open("Dead letters", "kari", "Kari");
        EventEnvelope comment = topic.comment("d-1", "Still here", "kari", "Kari");
        String newerVersion = new String(comment.toJsonBytes(), StandardCharsets.UTF_8)
                .replaceFirst("\"schemaVersion\":\\d+", "\"schemaVersion\":99");
        String unknownType = new String(comment.toJsonBytes(), StandardCharsets.UTF_8)
                .replace("\"type\":\"CommentPosted\"", "\"type\":\"CommentSung\"");
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
        batch.add(record(topic.topicId, "not json at all".getBytes(StandardCharsets.UTF_8)));
        batch.add(record(topic.topicId, null));
        batch.add(record(topic.topicId, newerVersion.getBytes(StandardCharsets.UTF_8)));
        batch.add(record(topic.topicId, unknownType.getBytes(StandardCharsets.UTF_8)));
        batch.add(record(topic.topicId, opened.toJsonBytes()));
        batch.add(record(topic.topicId, comment.toJsonBytes()));
        long firstOffset = batch.get(0).offset();

        BatchOutcome outcome = applier.apply(batch);

        assertThat(outcome.deadLettered()).isEqualTo(4);
        assertThat(outcome.applied()).isEqualTo(2);
        assertThat(jdbc.queryForList("select reason from dead_letter where kafka_offset >= ? order by kafka_offset",
                String.class, firstOffset))
                .satisfiesExactly(
                        reason -> assertThat(reason).startsWith("not an event envelope"),
                        reason -> assertThat(reason).isEqualTo("record has no value"),
                        reason -> assertThat(reason).contains("schema version 99 is not readable"),
                        // the record's own text never becomes part of a reason
                        reason -> assertThat(reason).contains("unknown event type '…'").doesNotContain("CommentSung"));
        assertThat(jdbc.queryForObject("select body from comment where comment_id = 'd-1'", String.class))
                .isEqualTo("Still here");
        // the same garbage again is not dead-lettered twice
        applier.apply(batch);
        assertThat(jdbc.queryForObject("select count(*) from dead_letter where kafka_offset >= ?", Integer.class,
                firstOffset)).isEqualTo(4);
    }

    @Test
    void aBatchThatFailsForAPassingReasonStoresNothing() {
        TestTopic topic = TestTopic.named("rollback");
        topic.open("Rollback", "kari", "Kari");
        topic.comment("rb-1", "Never stored", "kari", "Kari");
        List<Projection> failingLast = new ArrayList<>(PROJECTIONS);
        failingLast.add(failing(event -> true, new TransientDataAccessResourceException("database went away")));
        // the database is away: the projection's statement fails, and so does the check whether it answers at all
        JdbcTemplate databaseAway = new JdbcTemplate(dataSource) {
            @Override
            public <T> T queryForObject(String sql, Class<T> requiredType) {
                throw new TransientDataAccessResourceException("database went away");
            }
        };
        BatchApplier failingApplier = new BatchApplier(databaseAway, transactions, failingLast);
        Long offsetBefore = storedOffset();
        List<ConsumerRecord<byte[], byte[]>> records = records(topic.envelopes());

        assertThatThrownBy(() -> failingApplier.apply(records))
                .isInstanceOf(TransientDataAccessResourceException.class);

        assertThat(jdbc.queryForObject("select count(*) from topic where topic_id = ?", Integer.class, topic.topicId))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from event_log where topic_id = ?", Integer.class,
                topic.topicId)).isZero();
        assertThat(storedOffset()).isEqualTo(offsetBefore);
        // offered again to a working applier, the same records apply once
        assertThat(applier.apply(records).applied()).isEqualTo(2);
    }

    @Test
    void aRecordTheProjectionsCannotTakeParksItsTopicAndTheOtherTopicsApply() {
        TestTopic topic = TestTopic.named("poison");
        topic.open("Poison", "kari", "Kari");
        topic.comment("p-1", "poison", "kari", "Kari");
        topic.comment("p-2", "fine", "bo", "Bo");
        TestTopic other = TestTopic.named("healthy");
        other.open("Healthy", "kari", "Kari");
        other.comment("h-1", "fine too", "bo", "Bo");
        List<Projection> withPoison = new ArrayList<>(PROJECTIONS);
        withPoison.add(failing(event -> event.rawJson().contains("\"poison\""),
                new IllegalStateException("cannot take this one")));
        BatchApplier poisoned = new BatchApplier(jdbc, transactions, withPoison);
        List<EventEnvelope> interleaved = new ArrayList<>(topic.envelopes());
        interleaved.addAll(1, other.envelopes());

        BatchOutcome outcome = poisoned.apply(records(interleaved));

        assertThat(outcome.applied()).isEqualTo(3);
        assertThat(outcome.parked()).isEqualTo(2);
        assertThat(outcome.parkedTopics()).containsExactly(topic.topicId);
        // the poisoned topic waits at p-1, with p-2 behind it: nothing of it after the opening is applied
        assertThat(jdbc.queryForList("select comment_id from comment where topic_id = ?", String.class, topic.topicId))
                .isEmpty();
        assertThat(jdbc.queryForList("select sequence from parked_event where topic_id = ? order by arrival",
                Long.class, topic.topicId)).containsExactly(2L, 3L);
        assertThat(jdbc.queryForObject("select reason from parked_topic where topic_id = ?", String.class,
                topic.topicId)).isEqualTo("could not be applied: IllegalStateException");
        assertThat(jdbc.queryForList("select comment_id from comment where topic_id = ?", String.class, other.topicId))
                .containsExactly("h-1");
        assertThat(storedOffset()).isEqualTo(nextOffset.get());
    }

    private static Projection failing(java.util.function.Predicate<AppliedEvent> when, RuntimeException failure) {
        return new Projection() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public void apply(List<AppliedEvent> batch, JdbcTemplate tx) {
                if (batch.stream().anyMatch(when)) {
                    throw failure;
                }
            }
        };
    }

    private static Long storedOffset() {
        return jdbc.query("select next_offset from consumer_offset where kafka_topic = ?",
                row -> row.next() ? row.getLong(1) : null, KAFKA_TOPIC);
    }

    private static void apply(List<EventEnvelope> envelopes) {
        BatchOutcome outcome = applier.apply(records(envelopes));
        assertThat(outcome.applied()).isEqualTo(envelopes.size());
    }

    private static List<ConsumerRecord<byte[], byte[]>> records(List<EventEnvelope> envelopes) {
        return envelopes.stream().map(envelope -> record(envelope.topicId(), envelope.toJsonBytes())).toList();
    }

    private static ConsumerRecord<byte[], byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>(KAFKA_TOPIC, 0, nextOffset.getAndIncrement(),
                key.getBytes(StandardCharsets.UTF_8), value);
    }
}
