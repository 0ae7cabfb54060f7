package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.EventEnvelope;
import commonplace.query.ingest.EventConsumer;
import commonplace.query.ingest.IngestStatus;
import commonplace.testing.http.Http.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What reaches the consumer more than once, or not as an event, and a thread too long for one page. */
class DeliveryTest extends QueryServiceTestBase {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeliveryTest.class);

    @Autowired
    EventConsumer consumer;

    @Autowired
    IngestStatus ingest;

    @Test
    void redeliveryAndAConsumerStartingOverChangeNoReadModel() {
        TestTopic topic = TestTopic.named("twice");
        topic.open("Twice", "ada", "Ada");
        topic.comment("tw-1", "Én gang – “bare” én 🎉", "ada", "Ada");
        topic.reply("tw-2", "tw-1", "Svar\n\nmed avsnitt", "bo", "Bø");
        topic.edit("tw-1", 2, "Én gang, redigert", "ada", "Ada");
        topic.retract("tw-2", false, "bo", "Bø");
        publish(topic.envelopes());
        awaitApplied(topic.topicId, topic.lastSequence());
        awaitCaughtUp();
        Map<String, List<String>> before = ReadModelDump.of(jdbc);

        // the same events again, at new offsets: what a publisher that crashed before moving its token sends
        long skippedBefore = ingest.skippedDuplicates();
        publish(topic.envelopes());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ingest.skippedDuplicates() >= skippedBefore + topic.envelopes().size());
        assertThat(ReadModelDump.of(jdbc)).isEqualTo(before);

        // a consumer that lost its stored offsets reads the whole topic again
        long skippedBeforeRestart = ingest.skippedDuplicates();
        consumer.stop();
        Map<Integer, Long> offsets = storedOffsets();
        jdbc.update("delete from consumer_offset");
        consumer.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> storedOffsets().equals(offsets));
        assertThat(ingest.skippedDuplicates() - skippedBeforeRestart)
                .isGreaterThanOrEqualTo(2L * topic.envelopes().size());
        assertThat(ReadModelDump.of(jdbc)).isEqualTo(before);
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAndTheStreamGoesOn() {
        TestTopic topic = TestTopic.named("garbage");
        EventEnvelope opened = topic.open("Garbage", "ada", "Ada");
        Integer deadBefore = jdbc.queryForObject("select count(*) from dead_letter", Integer.class);
        publishRaw(topic.topicId, "{\"this\": \"is not an envelope\"".getBytes(StandardCharsets.UTF_8));
        publishRaw(topic.topicId, null);
        publish(List.of(opened));

        awaitApplied(topic.topicId, 1);
        assertThat(jdbc.queryForObject("select count(*) from dead_letter", Integer.class)).isEqualTo(deadBefore + 2);
        assertThat(jdbc.queryForList("select reason from dead_letter where record_key = convert_to(?, 'UTF8') order by kafka_offset",
                String.class, topic.topicId)).satisfiesExactly(
                reason -> assertThat(reason).startsWith("not an event envelope"),
                reason -> assertThat(reason).isEqualTo("record has no value"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(getAsAdmin("/api/v1/admin/projections").json().get("deadLetters").asInt())
                        .isGreaterThanOrEqualTo(deadBefore + 2));
        assertThat(get("/api/v1/topics/" + topic.topicId).json().get("title").asText()).isEqualTo("Garbage");
    }

    @Test
    void aThreadOfTenThousandCommentsPagesEveryCommentExactlyOnce() {
        TestTopic topic = TestTopic.named("long");
        topic.open("Ten thousand", "ada", "Ada");
        // 70 % roots, 30 % replies to an earlier comment, chosen at random (fixed seed)
        Random random = new Random(90);
        List<String> comments = new ArrayList<>();
        Map<String, String> parents = new HashMap<>();
        for (int n = 1; n <= 10_000; n++) {
            String id = "long-" + n;
            if (comments.isEmpty() || random.nextInt(10) < 7) {
                topic.comment(id, "Kommentar " + n + " – æøå", "a" + (n % 17), "Forfatter " + (n % 17));
            } else {
                String parent = comments.get(random.nextInt(comments.size()));
                topic.reply(id, parent, "Svar " + n, "a" + (n % 17), "Forfatter " + (n % 17));
                parents.put(id, parent);
            }
            comments.add(id);
        }
        publish(topic.envelopes());
        awaitApplied(topic.topicId, topic.lastSequence());
        List<String> expectedDepthFirst = depthFirst(comments, parents);

        for (int limit : List.of(500, 37)) {
            List<String> oldest = readWholeThread(topic.topicId, "oldest", limit);
            assertThat(oldest).as("limit %d, oldest first", limit).hasSize(10_000).doesNotHaveDuplicates()
                    .containsExactlyElementsOf(expectedDepthFirst);
        }
        List<String> newestRoots = new ArrayList<>();
        String url = "/api/v1/topics/" + topic.topicId + "/thread?sort=newest&limit=500";
        for (int page = 0; page < 100; page++) {
            JsonNode answer = get(url).json();
            answer.get("items").forEach(root -> newestRoots.add(root.get("commentId").asText()));
            if (answer.get("nextCursor").isNull()) {
                break;
            }
            url = "/api/v1/topics/" + topic.topicId + "/thread?sort=newest&limit=500&cursor="
                    + encode(answer.get("nextCursor").asText());
        }
        List<String> expectedRoots = new ArrayList<>(comments.stream().filter(id -> !parents.containsKey(id)).toList());
        java.util.Collections.reverse(expectedRoots);
        assertThat(newestRoots).containsExactlyElementsOf(expectedRoots);

        // time travel folds all 10,001 events for every page: the answer is the live one, the time is reported
        String live = "/api/v1/topics/" + topic.topicId + "/thread?limit=500";
        String asOf = live + "&asOf=" + encode("2030-01-01T00:00:00Z");
        get(asOf);
        long started = System.nanoTime();
        JsonNode folded = get(asOf).json();
        log.info("asOf over a 10,001-event topic answered in {} ms", (System.nanoTime() - started) / 1_000_000);
        assertThat(folded).isEqualTo(get(live).json());
    }

    /** Every comment id of the thread, depth first, following nextCursor to the end. */
    private List<String> readWholeThread(String topicId, String sort, int limit) {
        List<String> ids = new ArrayList<>();
        String first = "/api/v1/topics/" + topicId + "/thread?sort=" + sort + "&limit=" + limit;
        String url = first;
        for (int page = 0; page < 1_000; page++) {
            Response answer = get(url);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            JsonNode body = answer.json();
            assertThat(body.get("items").size()).isLessThanOrEqualTo(limit);
            body.get("items").forEach(root -> collect(root, ids));
            if (body.get("nextCursor").isNull()) {
                return ids;
            }
            url = first + "&cursor=" + encode(body.get("nextCursor").asText());
        }
        throw new AssertionError("the thread did not end");
    }

    private static void collect(JsonNode comment, List<String> ids) {
        ids.add(comment.get("commentId").asText());
        comment.get("replies").forEach(reply -> collect(reply, ids));
    }

    /** The order the contract promises: roots oldest first, each followed by its replies, oldest first, nested. */
    private static List<String> depthFirst(List<String> inOrder, Map<String, String> parents) {
        Map<String, List<String>> children = new HashMap<>();
        List<String> roots = new ArrayList<>();
        for (String id : inOrder) {
            String parent = parents.get(id);
            if (parent == null) {
                roots.add(id);
            } else {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(id);
            }
        }
        List<String> out = new ArrayList<>();
        java.util.Deque<String> stack = new java.util.ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(roots.get(i));
        }
        while (!stack.isEmpty()) {
            String id = stack.pop();
            out.add(id);
            List<String> replies = children.getOrDefault(id, List.of());
            for (int i = replies.size() - 1; i >= 0; i--) {
                stack.push(replies.get(i));
            }
        }
        return out;
    }

    private Map<Integer, Long> storedOffsets() {
        Map<Integer, Long> offsets = new HashMap<>();
        jdbc.query("select kafka_partition, next_offset from consumer_offset", row -> {
            offsets.put(row.getInt(1), row.getLong(2));
        });
        return offsets;
    }

    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode status = getAsAdmin("/api/v1/admin/projections").json();
            return status.get("readModels").get(0).get("lagEvents").asLong(-1) == 0;
        });
    }
}
