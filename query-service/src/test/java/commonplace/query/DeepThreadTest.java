package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.testing.http.Http.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static commonplace.query.ReadBackTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reply chains of any depth through the real projection and API: replies nest down to the display depth (16 here,
 * the default) and deeper ones are listed flat, in order, in the replies of their ancestor at that depth, now and
 * {@code asOf}; stored paths stay bounded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeepThreadTest extends QueryServiceTestBase {

    private static final int DISPLAY_DEPTH = 16;
    private static final int LONGEST_PATH = 679;

    @Autowired
    PlatformTransactionManager transactions;

    private final TestTopic thousand = TestTopic.named("deep-1000");
    private final TestTopic fiveThousand = TestTopic.named("deep-5000");

    @BeforeAll
    void publishTwoChains() {
        chain(thousand, 1_000);
        chain(fiveThousand, 5_000);
        // a second root after the chain, so the chain's page has a next one
        fiveThousand.comment("second-" + fiveThousand.topicId, "After the chain.", "deep-two", "Deep Two");
        publish(thousand.envelopes());
        publish(fiveThousand.envelopes());
        awaitApplied(thousand.topicId, thousand.lastSequence());
        awaitApplied(fiveThousand.topicId, fiveThousand.lastSequence());
    }

    @Test
    void aThousandDeepChainIsAnsweredNestedToTheDisplayDepthAndFlatBelowNowAndAsOf() {
        JsonNode live = thread(thousand, "");
        assertChain(live.get("items").get(0), thousand, 1_000);
        assertThat(thread(thousand, "&asOf=2030-01-01T00:00:00Z")).isEqualTo(live);
    }

    @Test
    void aFiveThousandDeepChainPagesAndFoldsAsOfAnyInstant() {
        JsonNode first = thread(fiveThousand, "&limit=1");
        assertThat(first.get("items")).hasSize(1);
        assertChain(first.get("items").get(0), fiveThousand, 5_000);
        JsonNode next = thread(fiveThousand, "&limit=1&cursor=" + encode(first.get("nextCursor").asText()));
        assertThat(ids(next.get("items"))).containsExactly("second-" + fiveThousand.topicId);
        assertThat(next.get("nextCursor").isNull()).isTrue();

        assertThat(thread(fiveThousand, "&limit=1&asOf=2030-01-01T00:00:00Z")).isEqualTo(first);
        // the open is event 1, the root 2, reply k event k + 2
        Instant reply3000 = fiveThousand.envelopes().get(3_000 + 1).occurredAt();
        JsonNode then = thread(fiveThousand, "&limit=1&asOf=" + encode(reply3000.plusMillis(500).toString()));
        assertChain(then.get("items").get(0), fiveThousand, 3_000);
        assertThat(then.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void storedPathsStayBoundedHoweverDeepTheChain() {
        Integer longest = jdbc.queryForObject("select max(length(path)) from comment where topic_id = ?", Integer.class,
                fiveThousand.topicId);
        assertThat(longest).isEqualTo(LONGEST_PATH);
        Integer deepest = jdbc.queryForObject("select max(depth) from comment where topic_id = ?", Integer.class,
                fiveThousand.topicId);
        assertThat(deepest).isEqualTo(5_000);
        JsonNode detail = get("/api/v1/comments/" + replyId(fiveThousand, 5_000)).json();
        assertThat(detail.get("depth").asInt()).isEqualTo(5_000);
        assertThat(detail.get("parentId").asText()).isEqualTo(replyId(fiveThousand, 4_999));
    }

    @Test
    void pathsWrittenBeforeTheBoundAreCutByTheMigrationToWhatTheProjectionWritesNow() {
        // rolled back: other tests compare whole tables with what a rebuild makes of the Kafka topic
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            migrateAnOldChain();
            transaction.setRollbackOnly();
        });
    }

    private void migrateAnOldChain() {
        // a chain of 40 stored the old way: every ancestor's sequence in every path
        String topicId = "deep-migrated-" + System.nanoTime();
        StringBuilder path = new StringBuilder();
        for (int depth = 0; depth <= 40; depth++) {
            path.append(depth == 0 ? "" : ".").append(String.format("%019d", depth + 2));
            jdbc.update("""
                    insert into comment (comment_id, topic_id, parent_id, root_id, path, depth, sequence, author_id,
                                         author_name, created_at, revision)
                    values (?, ?, ?, ?, ?, ?, ?, 'ada', 'Ada', now(), 1)""",
                    "m" + depth + "-" + topicId.hashCode(), topicId, depth == 0 ? null : "m" + (depth - 1) + "-"
                            + topicId.hashCode(), "m0-" + topicId.hashCode(), path.toString(), depth, depth + 2L);
        }
        String migration;
        try {
            migration = new ClassPathResource("db/migration/V4__bounded_comment_paths.sql")
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.execute(migration);

        List<String> migrated = jdbc.queryForList("select path from comment where topic_id = ? order by depth",
                String.class, topicId);
        // the same paths a fresh projection of that chain writes (here: the 5,000 chain's first 41, by sequence)
        List<String> projected = jdbc.queryForList("select path from comment where root_id = ? and depth <= 40 "
                + "order by depth", String.class, replyId(fiveThousand, 0));
        assertThat(migrated).isEqualTo(projected);
        assertThat(migrated.get(40)).hasSize(LONGEST_PATH);
    }

    /**
     * One root and a chain of {@code replies}, each answering the one before, by two authors of this class alone (the
     * other classes read the histories of theirs).
     */
    private static void chain(TestTopic topic, int replies) {
        topic.open("Deep", "deep-one", "Deep One");
        topic.comment(replyId(topic, 0), "The root.", "deep-one", "Deep One");
        for (int reply = 1; reply <= replies; reply++) {
            topic.reply(replyId(topic, reply), replyId(topic, reply - 1), "Reply " + reply + ".",
                    reply % 2 == 0 ? "deep-one" : "deep-two", reply % 2 == 0 ? "Deep One" : "Deep Two");
        }
    }

    private static String replyId(TestTopic topic, int depth) {
        return "c" + depth + "-" + topic.topicId;
    }

    /** The chain's root nests 16 levels, then lists the rest flat in chain order, each with its own parent. */
    private static void assertChain(JsonNode root, TestTopic topic, int replies) {
        JsonNode deepestShown = root;
        for (int depth = 0; depth < DISPLAY_DEPTH; depth++) {
            assertThat(deepestShown.get("commentId").asText()).isEqualTo(replyId(topic, depth));
            assertThat(deepestShown.get("depth").asInt()).isEqualTo(depth);
            assertThat(deepestShown.get("replyCount").asInt()).isEqualTo(1);
            assertThat(deepestShown.get("replies")).hasSize(1);
            deepestShown = deepestShown.get("replies").get(0);
        }
        assertThat(deepestShown.get("depth").asInt()).isEqualTo(DISPLAY_DEPTH);
        JsonNode flat = deepestShown.get("replies");
        assertThat(flat).hasSize(replies - DISPLAY_DEPTH);
        for (int index = 0; index < flat.size(); index++) {
            int depth = DISPLAY_DEPTH + 1 + index;
            JsonNode comment = flat.get(index);
            assertThat(comment.get("commentId").asText()).isEqualTo(replyId(topic, depth));
            assertThat(comment.get("parentId").asText()).isEqualTo(replyId(topic, depth - 1));
            assertThat(comment.get("depth").asInt()).isEqualTo(depth);
            assertThat(comment.get("replyCount").asInt()).isEqualTo(depth == replies ? 0 : 1);
            assertThat(comment.get("replies")).isEmpty();
        }
        assertThat(nesting(root)).isEqualTo(DISPLAY_DEPTH + 1);
    }

    /** How many levels of replies lists the answer has. */
    private static int nesting(JsonNode comment) {
        int deepest = 0;
        for (JsonNode reply : comment.get("replies")) {
            deepest = Math.max(deepest, nesting(reply));
        }
        return comment.get("replies").isEmpty() ? 0 : deepest + 1;
    }

    private JsonNode thread(TestTopic topic, String query) {
        Response answer = get("/api/v1/topics/" + topic.topicId + "/thread?sort=oldest" + query);
        assertThat(answer.status()).as(answer.toString().substring(0, Math.min(300, answer.toString().length())))
                .isEqualTo(200);
        return answer.json();
    }
}
