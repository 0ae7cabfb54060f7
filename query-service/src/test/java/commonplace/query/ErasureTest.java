package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.AuthorErased;
import commonplace.events.LinkOrigin;
import commonplace.events.LinkShared;
import commonplace.events.privacy.DataKey;
import commonplace.events.privacy.ErasurePosition;
import commonplace.testing.http.Http.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An author erased: their keys destroyed, then an AuthorErased in each topic they took part in. Afterwards no answer
 * and no read model holds what they wrote or their name; their comments keep their places, the other author's replies
 * keep their parents and their text, counts stay; consistentWith the erasure's position waits for every topic.
 */
class ErasureTest extends QueryServiceTestBase {

    private static final TestKeyServer KEYS = TestKeyServer.shared();
    private static final String PHRASE = "Mjøsormen-sporløst";
    private static final String NAME = "Hedda Glemsel";
    private static final String HOST = "mjosormen-privat.example";
    private static final String KEPT = "Bøs svar står igjen";

    @Test
    void anErasedAuthorsTextsAndNameAreGoneWhileTheTreeAndTheOthersStay() throws Exception {
        DataKey hedda = KEYS.newKey("hedda");
        DataKey bo = KEYS.newKey("erasure-bo");
        Map<String, DataKey> keys = Map.of("hedda", hedda, "erasure-bo", bo);
        TestTopic first = TestTopic.named("erasure-a").sealedWith(keys::get);
        TestTopic second = TestTopic.named("erasure-b").sealedWith(keys::get);
        String h1 = "h1-" + first.topicId;
        String b1 = "b1-" + first.topicId;
        String b2 = "b2-" + second.topicId;
        String h2 = "h2-" + second.topicId;
        first.open("Erasure A", "site", "Site");
        first.comment(h1, PHRASE + " første https://" + HOST + "/x", "hedda", NAME);
        first.link("l1-" + first.topicId, h1, LinkOrigin.BODY, "https://" + HOST + "/x", "https://" + HOST + "/x",
                HOST, "hedda", NAME);
        first.edit(h1, 2, PHRASE + " redigert", "hedda", NAME);
        first.reply(b1, h1, KEPT, "erasure-bo", "Bø Ångström");
        second.open("Erasure B", "site", "Site");
        second.comment(b2, "Bø skriver først", "erasure-bo", "Bø Ångström");
        second.reply(h2, b2, PHRASE + " svar", "hedda", NAME);
        second.record(new LinkShared(second.topicId, "l2-" + second.topicId, b2, LinkOrigin.SHARE,
                "https://" + HOST + "/delt", "https://" + HOST + "/delt", HOST, PHRASE + " notat", "hedda", NAME));
        publish(first.envelopes());
        publish(second.envelopes());
        awaitApplied(first.topicId, first.lastSequence());
        awaitApplied(second.topicId, second.lastSequence());
        // the keys are in the service's cache now: the erasure must make it forget them
        assertThat(get("/api/v1/topics/" + first.topicId + "/events").body()).contains(PHRASE);

        KEYS.erase(hedda);
        String erasureId = ErasurePosition.newErasureId();
        String position = new ErasurePosition(erasureId, 2).encode();
        first.record(new AuthorErased(first.topicId, "hedda", List.of(hedda.keyId()), erasureId, 2, "hedda"));
        publish(first.envelopes().subList(first.envelopes().size() - 1, first.envelopes().size()));
        awaitApplied(first.topicId, first.lastSequence());
        Response halfway = get("/api/v1/topics/" + first.topicId + "/thread?consistentWith=" + position);
        assertThat(halfway.status()).isEqualTo(200);
        assertThat(halfway.header("X-Commonplace-Stale")).isEqualTo("true");

        second.record(new AuthorErased(second.topicId, "hedda", List.of(hedda.keyId()), erasureId, 2, "hedda"));
        publish(second.envelopes().subList(second.envelopes().size() - 1, second.envelopes().size()));
        Response done = get("/api/v1/topics/" + second.topicId + "/thread?consistentWith=" + position);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.header("X-Commonplace-Stale")).isNull();

        List<String> answers = new ArrayList<>();
        for (TestTopic topic : List.of(first, second)) {
            answers.add(get("/api/v1/topics/" + topic.topicId + "/thread").body());
            answers.add(get("/api/v1/topics/" + topic.topicId + "/timeline").body());
            answers.add(get("/api/v1/topics/" + topic.topicId + "/events").body());
            // an erased comment is an entry without its text, not a 500 for the whole feed
            Response topicFeed = get("/api/v1/topics/" + topic.topicId + "/feed.atom");
            assertThat(topicFeed.status()).as(topicFeed.body()).isEqualTo(200);
            assertThat(topicFeed.body()).contains("Comment withheld");
            answers.add(topicFeed.body());
            answers.add(get("/api/v1/topics/" + topic.topicId).body());
            answers.add(get("/t/" + topic.topicId).body());
            answers.add(getAsAdmin("/api/v1/topics/" + topic.topicId + "/events?includeRetracted=true").body());
            for (var envelope : topic.envelopes()) {
                answers.add(get("/api/v1/topics/" + topic.topicId + "/thread?asOf="
                        + encode(envelope.occurredAt().toString())).body());
            }
        }
        for (String commentId : List.of(h1, b1, b2, h2)) {
            answers.add(get("/api/v1/comments/" + commentId).body());
        }
        answers.add(get("/api/v1/authors/hedda/history").body());
        Response authorFeed = get("/api/v1/authors/hedda/feed.atom");
        assertThat(authorFeed.status()).as(authorFeed.body()).isEqualTo(200);
        answers.add(authorFeed.body());
        answers.add(get("/api/v1/authors/erasure-bo/history").body());
        for (String answer : answers) {
            assertThat(answer).doesNotContain("Mjøsormen").doesNotContain(NAME).doesNotContain(HOST)
                    .doesNotContain("internal-error");
        }
        assertThat(get("/api/v1/topics/" + first.topicId + "/feed.atom").body()).contains("Comment withheld");
        String readModels = String.join("\n", jdbc.queryForList("""
                select concat_ws(' ', c.body, c.author_name, r.body) from comment c
                left join comment_revision r using (comment_id)
                union all select concat_ws(' ', url, normalized_url, domain) from comment_link
                union all select concat_ws(' ', author_name, summary, summary_if_retracted) from activity
                union all select concat_ws(' ', opened_by_name, title) from topic""", String.class));
        assertThat(readModels).contains(KEPT).doesNotContain("Mjøsormen").doesNotContain(NAME).doesNotContain(HOST);

        JsonNode root = get("/api/v1/topics/" + first.topicId + "/thread").json().get("items").get(0);
        assertThat(root.get("commentId").asText()).isEqualTo(h1);
        assertThat(root.get("body").isNull()).isTrue();
        assertThat(root.get("withheld").asText()).isEqualTo("erased");
        assertThat(root.get("author").get("id").asText()).isEqualTo("hedda");
        assertThat(root.get("revision").asInt()).isEqualTo(2);
        assertThat(root.get("links")).isEmpty();
        assertThat(root.get("replyCount").asInt()).isEqualTo(1);
        assertThat(root.get("replies").get(0).get("body").asText()).isEqualTo(KEPT);
        assertThat(root.get("replies").get(0).get("parentId").asText()).isEqualTo(h1);
        JsonNode other = get("/api/v1/topics/" + second.topicId + "/thread").json().get("items").get(0);
        assertThat(other.get("body").asText()).isEqualTo("Bø skriver først");
        assertThat(other.get("links")).isEmpty();
        assertThat(other.get("replies").get(0).get("withheld").asText()).isEqualTo("erased");
        assertThat(get("/api/v1/topics/" + second.topicId).json().get("commentCount").asInt()).isEqualTo(2);

        // a forged erasure position (no such erasure id form) is refused like any other position
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "erasure\ner_short\n2".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(get("/api/v1/topics/" + first.topicId + "/thread?consistentWith=" + forged).status())
                .isEqualTo(400);
    }
}
