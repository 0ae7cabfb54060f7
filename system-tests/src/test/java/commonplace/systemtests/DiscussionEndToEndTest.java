package commonplace.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.EventEnvelope;
import commonplace.testing.http.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A discussion posted through the command service and read back through every endpoint of the query service, both
 * running as processes from their jars, on a real PostgreSQL and Kafka.
 */
class DiscussionEndToEndTest extends StackTest {

    private static final String TOPIC = "episode-90";
    private static final String ROOT_BODY = "Flott episode! Se https://example.com/fjell.\n\nAndre avsnitt med “sitater”, æøå og 🎉";
    private static final String EDITED_BODY = "Flott episode! Se https://example.com/fjell-2\n\nRettet: «Fjellet» er høyt.";
    private static final String DEEP_BODY = "Tredje nivå.\r\n\r\n\tInnrykket linje – med “anførsel”.";

    private String root;
    private String reply;
    private String deepReply;
    private String secondRoot;
    private String lastPosition;

    @BeforeAll
    void postADiscussion() {
        String ada = api.token("ada", "Ada Lovelace");
        String bo = api.token("bo", "Bø Ångström");
        String kari = api.token("kari", "Kari Nordmann");

        assertThat(api.openTopic(ada, TOPIC, "Episode 90: «Fjellet» – æøå", "https://podcast.example.no/ep/90").status())
                .isEqualTo(201);
        root = created(api.postComment(ada, TOPIC, ROOT_BODY), "commentId");
        reply = created(api.reply(bo, root, "Enig – veldig bra.\n\nMen: https://Example.org:443/Sti#avsnitt"), "commentId");
        deepReply = created(api.reply(kari, reply, DEEP_BODY), "commentId");
        secondRoot = created(api.postComment(kari, TOPIC, "Andre rotkommentar."), "commentId");
        Http.Response edited = api.edit(ada, root, EDITED_BODY, 1);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("revision").asInt()).isEqualTo(2);
        assertThat(api.retract(bo, reply).status()).isEqualTo(204);
        lastPosition = api.shareLink(ada, TOPIC, "https://NRK.no/p3#lytt", "Se også", secondRoot).json()
                .get("position").asText();
    }

    private String created(Http.Response response, String idField) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("Location")).isNotBlank();
        return response.json().get(idField).asText();
    }

    @Test
    void the_thread_shows_the_tree_with_edits_and_retractions_byte_exact() {
        Http.Response thread = api.read("/topics/" + TOPIC + "/thread?sort=oldest&consistentWith="
                + ApiClient.encode(lastPosition));

        assertThat(thread.status()).as(thread.toString()).isEqualTo(200);
        assertThat(thread.header("X-Commonplace-Stale")).isNull();
        JsonNode items = thread.json().get("items");
        assertThat(ids(items)).containsExactly(root, secondRoot);
        assertThat(thread.json().get("nextCursor").isNull()).isTrue();

        JsonNode first = items.get(0);
        assertThat(first.get("body").asText()).isEqualTo(EDITED_BODY);
        assertThat(first.get("revision").asInt()).isEqualTo(2);
        assertThat(first.get("editedAt").isNull()).isFalse();
        assertThat(first.get("author").get("id").asText()).isEqualTo("ada");
        assertThat(first.get("author").get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(first.get("parentId").isNull()).isTrue();
        assertThat(first.get("replyCount").asInt()).isEqualTo(1);
        assertThat(values(first.get("links"), "normalizedUrl")).contains("https://example.com/fjell-2");

        JsonNode retracted = first.get("replies").get(0);
        assertThat(retracted.get("commentId").asText()).isEqualTo(reply);
        assertThat(retracted.get("retracted").asBoolean()).isTrue();
        assertThat(retracted.get("body").isNull()).isTrue();
        assertThat(retracted.get("author").get("name").asText()).isEqualTo("Bø Ångström");

        JsonNode deep = retracted.get("replies").get(0);
        assertThat(deep.get("commentId").asText()).isEqualTo(deepReply);
        assertThat(deep.get("parentId").asText()).isEqualTo(reply);
        assertThat(deep.get("body").asText()).isEqualTo(DEEP_BODY);
        assertThat(deep.get("retracted").asBoolean()).isFalse();

        JsonNode second = items.get(1);
        assertThat(second.get("replies")).isEmpty();
        assertThat(values(second.get("links"), "normalizedUrl")).containsExactly("https://nrk.no/p3");
        assertThat(values(second.get("links"), "domain")).containsExactly("nrk.no");
    }

    @Test
    void root_comments_page_in_both_orders() {
        JsonNode newest = api.read("/topics/" + TOPIC + "/thread?sort=newest").json();
        assertThat(ids(newest.get("items"))).containsExactly(secondRoot, root);

        JsonNode page1 = api.read("/topics/" + TOPIC + "/thread?sort=oldest&limit=1").json();
        assertThat(ids(page1.get("items"))).containsExactly(root);
        String cursor = page1.get("nextCursor").asText();
        JsonNode page2 = api.read("/topics/" + TOPIC + "/thread?sort=oldest&limit=1&cursor=" + ApiClient.encode(cursor))
                .json();
        assertThat(ids(page2.get("items"))).containsExactly(secondRoot);
        assertThat(page2.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void a_comment_carries_its_whole_edit_history() {
        Http.Response comment = api.read("/comments/" + root + "?consistentWith=" + ApiClient.encode(lastPosition));

        assertThat(comment.status()).isEqualTo(200);
        JsonNode revisions = comment.json().get("revisions");
        assertThat(values(revisions, "revision")).containsExactly("1", "2");
        assertThat(revisions.get(0).get("body").asText()).isEqualTo(ROOT_BODY);
        assertThat(revisions.get(1).get("body").asText()).isEqualTo(EDITED_BODY);
    }

    @Test
    void the_timeline_and_the_event_feed_hold_every_event_in_order() {
        awaitApplied();
        JsonNode timeline = api.read("/topics/" + TOPIC + "/timeline?limit=500").json().get("items");
        List<String> expectedTypes = List.of("TopicOpened", "CommentPosted", "LinkShared", "ReplyPosted", "LinkShared",
                "ReplyPosted", "CommentPosted", "CommentEdited", "LinkShared", "CommentRetracted", "LinkShared");
        assertThat(values(timeline, "type")).containsExactlyElementsOf(expectedTypes);
        assertThat(values(timeline, "position")).doesNotHaveDuplicates();
        assertThat(instants(timeline, "at")).isSorted();

        Http.Response feed = api.read("/topics/" + TOPIC + "/events");
        assertThat(feed.contentType()).startsWith("application/x-ndjson");
        List<EventEnvelope> envelopes = feed.body().lines().filter(line -> !line.isBlank())
                .map(line -> EventEnvelope.fromJson(line.getBytes(StandardCharsets.UTF_8))).toList();
        assertThat(envelopes).extracting(EventEnvelope::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, expectedTypes.size()).boxed().toList());
        assertThat(envelopes).extracting(EventEnvelope::type).containsExactlyElementsOf(expectedTypes);
        assertThat(envelopes).allSatisfy(envelope -> assertThat(envelope.event().topicId()).isEqualTo(TOPIC));
    }

    @Test
    void an_author_history_spans_everything_they_did_newest_first() {
        awaitApplied();
        JsonNode history = api.read("/authors/ada/history").json().get("items");

        assertThat(values(history, "type")).containsExactly("LinkShared", "LinkShared", "CommentEdited", "LinkShared",
                "CommentPosted", "TopicOpened");
        assertThat(values(history, "topicId")).containsOnly(TOPIC);
        List<Instant> at = instants(history, "at");
        assertThat(at).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void topics_list_the_most_recently_active_first() {
        awaitApplied();
        Http.Response topics = api.read("/topics");
        JsonNode summary = topics.json().get("items").get(0);

        assertThat(summary.get("topicId").asText()).isEqualTo(TOPIC);
        assertThat(summary.get("title").asText()).isEqualTo("Episode 90: «Fjellet» – æøå");
        assertThat(summary.get("locked").asBoolean()).isFalse();
        assertThat(api.read("/topics/" + TOPIC).json().get("topicId").asText()).isEqualTo(TOPIC);
    }

    @Test
    void unknown_things_are_404_problems() {
        for (String path : List.of("/topics/no-such-topic/thread", "/topics/no-such-topic", "/comments/nosuchcomment")) {
            Http.Response missing = api.read(path);
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    private void awaitApplied() {
        Http.Response waited = api.read("/topics/" + TOPIC + "?consistentWith=" + ApiClient.encode(lastPosition));
        assertThat(waited.header("X-Commonplace-Stale")).isNull();
    }

    private static List<String> ids(JsonNode items) {
        return values(items, "commentId");
    }

    private static List<String> values(JsonNode items, String field) {
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.get(field).asText()).toList();
    }

    private static List<Instant> instants(JsonNode items, String field) {
        List<Instant> result = new ArrayList<>();
        items.forEach(item -> result.add(Instant.parse(item.get(field).asText())));
        return result;
    }
}
