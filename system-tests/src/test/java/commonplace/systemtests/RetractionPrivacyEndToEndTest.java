package commonplace.systemtests;

import commonplace.testing.http.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The "done when" of retraction (docs/api.md, "Privacy in the query service's answers"): on the real PostgreSQL and
 * Kafka with both services from their jars, a comment edited, linked to and retracted by its author with a reason, and
 * another retracted by a moderator with a reason. Afterwards no anonymous answer of the query service holds any
 * revision of their texts, a link in or onto them, or either reason: not the thread, the comment, the timeline, the
 * histories, the events feed, the Atom feeds, the pages, nor the thread {@code asOf} any instant before or after the
 * retractions. The comments keep their places, and the reply under one keeps its parent and its text.
 */
class RetractionPrivacyEndToEndTest extends StackTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String topic = "retraction-" + run;
    private final String writerId = "writer-" + run;
    private final String replierId = "replier-" + run;
    private final String moderatorId = "moderator-" + run;
    private final List<String> retractedPhrases = new ArrayList<>();

    private String phrase(String label) {
        String phrase = "qx" + label + run;
        retractedPhrases.add(phrase);
        return phrase;
    }

    @Test
    void retractedTextsAndReasonsAreInNoAnonymousAnswerWhileTheCommentsKeepTheirPlaces() {
        long started = System.nanoTime();
        String writer = api.token(writerId, "Wenche Writer");
        String replier = api.token(replierId, "Rolf Replier");
        String moderator = api.token(moderatorId, "Mona Moderator", "moderator");
        created(api.openTopic(api.token("site", "The site"), topic, "Retractions " + run, null));

        String retracted = id(created(api.postComment(writer, topic, "First words " + phrase("first")
                + " https://example.org/" + phrase("bodylink"))));
        String replyText = "A reply that stays (" + run + ")";
        String reply = id(created(api.reply(replier, retracted, replyText)));
        created(api.shareLink(replier, topic, "https://example.net/" + phrase("sharedonto"), "Note " + phrase("note"),
                retracted));
        Http.Response edited = api.edit(writer, retracted, "Second words " + phrase("edited"), 1);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        String moderated = id(created(api.postComment(replier, topic, "Out of line " + phrase("moderated"))));
        String keptText = "A root comment that stays (" + run + ")";
        String kept = id(created(api.postComment(writer, topic, keptText)));
        awaitApplied(created(api.postComment(replier, topic, "Before the retractions (" + run + ")"))
                .get("position").asText());

        // the search finds what is shown: before the retractions the texts are public
        List<String> comments = List.of(retracted, reply, moderated, kept);
        List<String> authors = List.of(writerId, replierId, moderatorId, "site");
        // (the moderator has no history yet)
        PlainTextSearch.Corpus shownBefore = PublicAnswers.of(api, Map.of(topic, List.of(Instant.now())), comments,
                List.of(writerId, replierId));
        shownBefore.assertContainsEach(retractedPhrases);
        Map<String, JsonNode> placesBefore = ReadModels.places(api, topic);
        Instant beforeRetractions = Instant.now();

        Http.Response byAuthor = api.retract(writer, retracted, "Reason " + phrase("reason"));
        assertThat(byAuthor.status()).as(byAuthor.toString()).isEqualTo(204);
        Http.Response byModerator = api.retract(moderator, moderated, "Moderation " + phrase("modreason"));
        assertThat(byModerator.status()).as(byModerator.toString()).isEqualTo(204);
        awaitApplied(byModerator.header("X-Commonplace-Position"));

        // every event's instant (before, between and after the retractions) and now
        Set<Instant> instants = new LinkedHashSet<>();
        ReadModels.pages(api, "/topics/" + topic + "/timeline?limit=500")
                .forEach(entry -> instants.add(Instant.parse(entry.get("at").asText())));
        instants.add(beforeRetractions);
        instants.add(Instant.now());
        long searching = System.nanoTime();
        PlainTextSearch.Corpus answers = PublicAnswers.of(api, Map.of(topic, new ArrayList<>(instants)), comments,
                authors);
        answers.assertContainsNone(retractedPhrases);
        answers.assertContainsEach(List.of(replyText, keptText));
        long searched = System.nanoTime() - searching;

        // in place: same parents, depths and reply counts; the reply keeps its text
        Map<String, JsonNode> placesAfter = ReadModels.places(api, topic);
        assertThat(placesAfter.keySet()).containsExactlyInAnyOrderElementsOf(placesBefore.keySet());
        placesBefore.forEach((id, comment) -> {
            for (String field : List.of("parentId", "depth", "replyCount", "createdAt", "revision")) {
                assertThat(placesAfter.get(id).get(field)).as("%s of %s", field, id).isEqualTo(comment.get(field));
            }
        });
        for (String id : List.of(retracted, moderated)) {
            JsonNode comment = placesAfter.get(id);
            assertThat(comment.get("retracted").asBoolean()).as("retracted %s", id).isTrue();
            assertThat(comment.get("body").isNull()).isTrue();
            assertThat(comment.get("withheld").asText()).isEqualTo("retracted");
            assertThat(comment.get("links")).isEmpty();
        }
        assertThat(placesAfter.get(reply).get("parentId").asText()).isEqualTo(retracted);
        assertThat(placesAfter.get(reply).get("body").asText()).isEqualTo(replyText);
        assertThat(placesAfter.get(kept).get("body").asText()).isEqualTo(keptText);
        JsonNode revisions = api.read("/comments/" + retracted).json().get("revisions");
        assertThat(revisions).hasSize(2);
        revisions.forEach(revision -> assertThat(revision.get("body").isNull()).isTrue());

        // asOf before the retraction: the comment as it was then (not yet retracted), its text withheld
        JsonNode then = ReadModels.find(api.read("/topics/" + topic + "/thread?sort=oldest&limit=500&asOf="
                + ApiClient.encode(beforeRetractions.toString())).json().get("items"), retracted);
        assertThat(then.get("retracted").asBoolean()).isFalse();
        assertThat(then.get("revision").asInt()).isEqualTo(2);
        assertThat(then.get("body").isNull()).isTrue();
        assertThat(then.get("withheld").asText()).isEqualTo("retracted");
        assertThat(then.get("replies").get(0).get("body").asText()).isEqualTo(replyText);
        System.out.printf("retraction: searched %d anonymous answers (%d asOf instants) in %d ms; whole test %d ms%n",
                answers.size(), instants.size(), searched / 1_000_000, (System.nanoTime() - started) / 1_000_000);
    }

    private void awaitApplied(String position) {
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Http.Response read = api.read("/topics/" + topic + "?consistentWith=" + ApiClient.encode(position));
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.header("X-Commonplace-Stale")).isNull();
        });
    }

    private static JsonNode created(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response.json();
    }

    private static String id(JsonNode created) {
        return created.get("commentId").asText();
    }
}
