package commonplace.query;

import commonplace.events.AuthorErased;
import commonplace.events.privacy.DataKey;
import commonplace.events.privacy.ErasurePosition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an erasure leaves in memory and in dead row versions: a thread folded for a past instant and cached is never
 * served again once the author's erasure is applied (even an {@code AuthorErased} without an erasure id, which leaves
 * the fold's state key as it was), and the read-model tables the erasure scrubbed are vacuumed after it commits.
 */
class ErasureForgetsCachesTest extends QueryServiceTestBase {

    private static final TestKeyServer KEYS = TestKeyServer.shared();
    private static final String PHRASE = "Tidsreisens-hemmelighet";
    private static final String NAME = "Signe Gjemsel";

    @Test
    void aCachedAsOfFoldIsForgottenWhenTheAuthorIsErased() {
        DataKey signe = KEYS.newKey("signe-asof");
        TestTopic topic = TestTopic.named("erasure-asof").sealedWith(Map.of("signe-asof", signe)::get);
        topic.open("As of", "site", "Site");
        var comment = topic.comment("c-" + topic.topicId, PHRASE, "signe-asof", NAME);
        publish(topic.envelopes());
        awaitApplied(topic.topicId, topic.lastSequence());
        String asOf = "/api/v1/topics/" + topic.topicId + "/thread?asOf=" + encode(comment.occurredAt().toString());
        assertThat(get(asOf).body()).contains(PHRASE, NAME);
        assertThat(get(asOf).body()).as("answered from the cached fold").contains(PHRASE);

        KEYS.erase(signe);
        topic.record(new AuthorErased(topic.topicId, "signe-asof", List.of(signe.keyId()), null, 1, "signe-asof"));
        publish(topic.envelopes().subList(topic.envelopes().size() - 1, topic.envelopes().size()));
        awaitApplied(topic.topicId, topic.lastSequence());

        String after = get(asOf).body();
        assertThat(after).doesNotContain(PHRASE).doesNotContain(NAME).contains("c-" + topic.topicId);
    }

    @Test
    void theScrubbedTablesAreVacuumedAfterTheErasureCommits() {
        DataKey vera = KEYS.newKey("vera-vacuum");
        TestTopic topic = TestTopic.named("erasure-vacuum").sealedWith(Map.of("vera-vacuum", vera)::get);
        topic.open("Vacuum", "site", "Site");
        topic.comment("c-" + topic.topicId, PHRASE, "vera-vacuum", NAME);
        publish(topic.envelopes());
        awaitApplied(topic.topicId, topic.lastSequence());
        long before = vacuums("comment");

        KEYS.erase(vera);
        topic.record(new AuthorErased(topic.topicId, "vera-vacuum", List.of(vera.keyId()),
                ErasurePosition.newErasureId(), 1, "vera-vacuum"));
        publish(topic.envelopes().subList(topic.envelopes().size() - 1, topic.envelopes().size()));
        awaitApplied(topic.topicId, topic.lastSequence());

        await().atMost(Duration.ofSeconds(30)).until(() -> vacuums("comment") > before);
    }

    private long vacuums(String table) {
        return jdbc.queryForObject("select vacuum_count from pg_stat_user_tables where schemaname = current_schema()"
                + " and relname = ?", Long.class, table);
    }
}
