package commonplace.command.topic.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import commonplace.events.EventJson;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RecentPostsTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    private final RecentPosts posts = new RecentPosts();

    @Test
    void theSameTrimmedBodyFromTheSameAuthorWithinTheWindowIsFound() {
        posts.posted("ada", "c1", "Hør på episode 12 – «æøå»", T0);

        assertThat(posts.duplicateOf("ada", "Hør på episode 12 – «æøå»", T0.plusSeconds(599))).contains("c1");
        assertThat(posts.duplicateOf("bo", "Hør på episode 12 – «æøå»", T0.plusSeconds(1))).isEmpty();
        assertThat(posts.duplicateOf("ada", "Hør på episode 13", T0.plusSeconds(1))).isEmpty();
        assertThat(posts.duplicateOf("ada", "Hør på episode 12 – «æøå»", T0.plus(RecentPosts.WINDOW))).isEmpty();
    }

    @Test
    void postsThatFellOutOfTheWindowAreForgottenWhenTheNextIsPosted() {
        for (int i = 0; i < 1_000; i++) {
            posts.posted("author-" + i % 7, "c" + i, "body " + i, T0.plusSeconds(i));
        }
        assertThat(posts.size()).isEqualTo(600);
        assertThat(posts.duplicateOf("author-" + 399 % 7, "body 399", T0.plusSeconds(999))).isEmpty();
        assertThat(posts.duplicateOf("author-" + 400 % 7, "body 400", T0.plusSeconds(999))).contains("c400");
    }

    @Test
    void anEditedCommentIsComparedByItsNewBodyAndARetractedOneNotAtAll() {
        posts.posted("ada", "c1", "first words", T0);
        posts.posted("ada", "c2", "other words", T0.plusSeconds(1));
        posts.edited("c1", "better words");

        assertThat(posts.duplicateOf("ada", "first words", T0.plusSeconds(2))).isEmpty();
        assertThat(posts.duplicateOf("ada", "better words", T0.plusSeconds(2))).contains("c1");

        posts.edited("c2", "better words");
        posts.retracted("c1");
        assertThat(posts.duplicateOf("ada", "better words", T0.plusSeconds(3))).contains("c2");
        posts.retracted("c2");
        assertThat(posts.duplicateOf("ada", "better words", T0.plusSeconds(3))).isEmpty();
    }

    @Test
    void twoPostsMadeEqualByAnEditAreBothRememberedUntilEachLeavesTheWindow() {
        posts.posted("ada", "c1", "one", T0);
        posts.posted("ada", "c2", "two", T0.plusSeconds(300));
        posts.edited("c2", "one");

        posts.posted("bo", "c3", "later", T0.plus(RecentPosts.WINDOW).plusSeconds(1));
        assertThat(posts.duplicateOf("ada", "one", T0.plus(RecentPosts.WINDOW).plusSeconds(2))).contains("c2");
    }

    @Test
    void theWindowSurvivesASnapshotRoundTripInOrder() throws Exception {
        ObjectMapper mapper = EventJson.configure(new ObjectMapper());
        posts.posted("ada", "c1", "gammel tekst", T0);
        posts.posted("bo", "c2", "ny tekst", T0.plus(Duration.ofMinutes(5)));

        RecentPosts restored = mapper.readValue(mapper.writeValueAsBytes(posts), RecentPosts.class);

        assertThat(restored.duplicateOf("bo", "ny tekst", T0.plus(Duration.ofMinutes(6)))).contains("c2");
        restored.posted("cy", "c3", "tredje", T0.plus(Duration.ofMinutes(11)));
        assertThat(restored.size()).as("the oldest post left the window first").isEqualTo(2);
        assertThat(restored.duplicateOf("ada", "gammel tekst", T0.plus(Duration.ofMinutes(11)))).isEmpty();
        assertThat(restored.duplicateOf("bo", "ny tekst", T0.plus(Duration.ofMinutes(11)))).contains("c2");
    }
}
