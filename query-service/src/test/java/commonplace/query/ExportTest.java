package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.LinkOrigin;
import commonplace.events.LinkShared;
import commonplace.events.privacy.DataKey;
import commonplace.testing.http.Http.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A person's own export: everything they did and wrote, retracted revisions included; theirs or an admin's alone. */
class ExportTest extends QueryServiceTestBase {

    private static final TestKeyServer KEYS = TestKeyServer.shared();

    @Test
    void theAuthorGetsEverythingTheyWroteAndNobodyElseDoes() {
        String author = "exporter-" + Long.toHexString(System.nanoTime());
        DataKey key = KEYS.newKey(author);
        TestTopic topic = TestTopic.named("export").sealedWith(Map.of(author, key)::get);
        String c1 = "c1-" + topic.topicId;
        topic.open("Export", author, "Eksport Person");
        topic.comment(c1, "Første utkast av eksporten", author, "Eksport Person");
        topic.edit(c1, 2, "Andre utkast av eksporten", author, "Eksport Person");
        topic.record(new LinkShared(topic.topicId, "l1-" + topic.topicId, c1, LinkOrigin.SHARE,
                "https://eksport.example/a", "https://eksport.example/a", "eksport.example", "Et notat", author,
                "Eksport Person"));
        topic.reply("c2-" + topic.topicId, c1, "Et svar fra en annen", "export-bo", "Bø Ångström");
        topic.record(new commonplace.events.CommentRetracted(topic.topicId, c1, "angret", false, author,
                "Eksport Person"));
        publish(topic.envelopes());
        awaitApplied(topic.topicId, topic.lastSequence());
        String path = "/api/v1/authors/" + author + "/export";

        Response own = as(path, TestTokens.mint(author, "Eksport Person", List.of(), Instant.now().plusSeconds(600)));
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.header("Cache-Control")).contains("no-store");
        JsonNode export = own.json();
        assertThat(export.get("authorId").asText()).isEqualTo(author);
        assertThat(export.get("topicsOpened").get(0).get("topicId").asText()).isEqualTo(topic.topicId);
        JsonNode comment = export.get("comments").get(0);
        assertThat(comment.get("commentId").asText()).isEqualTo(c1);
        assertThat(comment.get("retracted").asBoolean()).isTrue();
        assertThat(comment.get("revisions")).extracting(revision -> revision.get("body").asText())
                .containsExactly("Første utkast av eksporten", "Andre utkast av eksporten");
        assertThat(export.get("links").get(0).get("note").asText()).isEqualTo("Et notat");
        assertThat(export.get("links").get(0).get("url").asText()).isEqualTo("https://eksport.example/a");
        assertThat(export.get("retractions").get(0).get("reason").asText()).isEqualTo("angret");
        assertThat(export.get("events")).hasSize(5);
        assertThat(own.body()).doesNotContain("Et svar fra en annen").doesNotContain("\"encrypted\"");

        assertThat(getAsAdmin(path).status()).isEqualTo(200);
        Response nobody = get(path);
        assertThat(nobody.status()).isEqualTo(401);
        assertThat(nobody.header("Content-Type")).startsWith("application/problem+json");
        Response someoneElse = as(path, TestTokens.mint("bo", "Bø", List.of("moderator"), Instant.now().plusSeconds(600)));
        assertThat(someoneElse.status()).isEqualTo(403);
        assertThat(someoneElse.body()).doesNotContain("utkast");
        assertThat(as(path, "not.a.token").status()).isEqualTo(401);
        assertThat(as(path, TestTokens.mint("another-secret-long-enough-for-hs256-tokens", author, "X", List.of(),
                Instant.now().plusSeconds(600))).status()).isEqualTo(401);
        assertThat(getAsAdmin("/api/v1/authors/nobody-" + author + "/export").status()).isEqualTo(404);
        assertThat(getAsAdmin("/api/v1/authors/" + "x".repeat(65) + "/export").status()).isEqualTo(400);
    }

    private Response as(String path, String token) {
        return call("GET", path).token(token).send();
    }
}
