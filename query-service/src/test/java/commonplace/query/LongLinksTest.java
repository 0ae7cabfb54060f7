package commonplace.query;

import commonplace.events.LinkOrigin;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The longest link the contract allows is applied and read back, and the thread's links query stays index-assisted. */
class LongLinksTest extends QueryServiceTestBase {

    @Test
    void aLinkOfTwoThousandFortyEightCharactersIsAppliedAndReadInOneIndexAssistedStatement() {
        TestTopic topic = TestTopic.named("long-link");
        String url = "https://example.org/" + "a".repeat(2048 - "https://example.org/".length());
        assertThat(url).hasSize(2048);
        topic.open("Long link", "ada", "Ada");
        topic.comment("ll-1", "See " + url, "ada", "Ada");
        topic.link("ll-1-l1", "ll-1", LinkOrigin.BODY, url, url, "example.org", "ada", "Ada");
        topic.comment("ll-2", "after the long link", "bo", "Bo");
        publish(topic.envelopes());

        awaitApplied(topic.topicId, 4);
        assertThat(jdbc.queryForObject("select count(*) from parked_topic where topic_id = ?", Integer.class,
                topic.topicId)).isZero();
        assertThat(get("/api/v1/topics/" + topic.topicId + "/thread?sort=oldest").json().get("items").get(0)
                .get("links").findValuesAsText("url")).containsExactly(url);

        // the thread's links query, planned as if the table were big: the index gives the order, no sort
        List<String> plan = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<List<String>>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("set enable_seqscan = off");
                statement.execute("set enable_bitmapscan = off");
            }
            try (var explain = connection.prepareStatement("explain select comment_id, url, normalized_url, domain "
                    + "from comment_link where comment_id = any(?) order by comment_id, sequence, share_id")) {
                explain.setArray(1, connection.createArrayOf("text", new String[]{"ll-1", "ll-2"}));
                List<String> lines = new java.util.ArrayList<>();
                try (var rows = explain.executeQuery()) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
                try (var statement = connection.createStatement()) {
                    statement.execute("reset enable_seqscan");
                    statement.execute("reset enable_bitmapscan");
                }
                return lines;
            }
        });
        assertThat(String.join("\n", plan)).contains("Index Scan using comment_link_in_order").doesNotContain("Sort");
        assertThat(jdbc.queryForObject("select pg_get_indexdef('comment_link_in_order'::regclass)", String.class))
                .doesNotContain("url", "INCLUDE");
    }
}
