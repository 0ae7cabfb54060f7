package commonplace.command.importing.mapping;

import commonplace.command.importing.SourceAuthor;
import commonplace.command.importing.SourceComment;
import commonplace.command.importing.SourceFormat;
import commonplace.command.importing.SourceState;
import commonplace.command.importing.SourceTopic;
import commonplace.command.importing.SourceTopic.Visibility;
import commonplace.events.Identifiers;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mapping rules one by one, with their hostile variants: longest, odd, forged. */
class MappingRulesTest {

    private static final byte[] SECRET = "a site's import secret of 32 bytes or more".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSlugFoldsNorwegianLettersAndKeepsTheQuery() {
        assertThat(TopicIds.fromUrl("https://blogg.example.no/2019/03/Fjelltur-på-Søre-Ælvdal/?p=12"))
                .contains("2019-03-fjelltur-pa-sore-aelvdal-p-12");
        assertThat(TopicIds.fromUrl("https://blogg.example.no/")).contains("index");
        assertThat(TopicIds.fromUrl("not an address")).isEmpty();
    }

    @Test
    void aVeryLongAddressGivesAValidIdEndingInAHashOfTheWholePath() {
        String longPath = "https://example.no/" + "lang-sti/".repeat(100);
        String other = longPath + "annen";

        String id = TopicIds.fromUrl(longPath).orElseThrow();
        assertThat(Identifiers.isTopicId(id)).isTrue();
        assertThat(id).isNotEqualTo(TopicIds.fromUrl(other).orElseThrow());
    }

    @Test
    void anIdentifierThatIsNoTopicIdIsNotUsed() {
        assertThat(TopicIds.fromIdentifier("episode-90")).contains("episode-90");
        assertThat(TopicIds.fromIdentifier("http://www.example.no/?p=91")).isEmpty();
        assertThat(TopicIds.fromIdentifier("x".repeat(129))).isEmpty();
    }

    @Test
    void twoPagesWithOneSlugAreToldApartInTheOrderListed() {
        TopicIdAssigner assigner = new TopicIdAssigner(SourceFormat.DISQUS, MappingFile.NONE);

        assertThat(assigner.assign(topic("1", "https://a.example/a-b")).topicId()).isEqualTo("a-b");
        var second = assigner.assign(topic("2", "https://a.example/a/b"));
        assertThat(second.topicId()).isEqualTo("a-b-2");
        assertThat(second.change()).isEqualTo("topic id a-b is another page's; this page's is a-b-2");
        assertThat(assigner.assign(topic("3", "http://www.a.example/a/b/")).topicId()).isEqualTo("a-b-2");
    }

    @Test
    void aDerivedIdNeverTakesOneTheMappingFileGives() {
        MappingFile mapping = mapping("https://a.example/old,a-b\n");
        TopicIdAssigner assigner = new TopicIdAssigner(SourceFormat.DISQUS, mapping);

        assertThat(assigner.assign(topic("1", "https://a.example/a-b")).topicId()).isEqualTo("a-b-2");
        assertThat(assigner.assign(topic("2", "https://a.example/old")).topicId()).isEqualTo("a-b");
    }

    @Test
    void aMappingFileLineThatIsNoMappingIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> mapping("# ok\nhttps://a.example/x,fine\nno comma here\n"))
                .hasMessage("mapping file line 3: expected source,topicId");
        assertThatThrownBy(() -> mapping("https://a.example/x,not a topic id!"))
                .hasMessageContaining("line 1: the topic id must be");
        assertThatThrownBy(() -> mapping("x,y\n".repeat(MappingFile.MAX_LINES + 1)))
                .hasMessageContaining("more than " + MappingFile.MAX_LINES + " lines");
    }

    @Test
    void aMappingFileAddressMayContainCommas() {
        assertThat(mapping("https://a.example/?tags=a,b,ab-topic\n").topicIdFor("https://a.example/?tags=a,b"))
                .contains("ab-topic");
    }

    @Test
    void authorIdsAreValidOpaqueAndNeverAnEmail() {
        AuthorIds ids = new AuthorIds(SECRET, "");
        String guest = ids.of(SourceFormat.DISQUS, new SourceAuthor("Ola", null, true, "ola@example.no", null));
        String sameGuest = ids.of(SourceFormat.DISQUS, new SourceAuthor("Ola N.", null, true, " OLA@example.no ", null));
        String forged = ids.of(SourceFormat.DISQUS, new SourceAuthor("x", "evil@example.no", false, null, null));
        String tooLong = ids.of(SourceFormat.DISQUS, new SourceAuthor("x", "u".repeat(80), false, null, null));
        String odd = ids.of(SourceFormat.DISQUS, new SourceAuthor("x", "kåre ø", false, null, null));

        assertThat(List.of(guest, forged, tooLong, odd)).allSatisfy(id -> {
            assertThat(Identifiers.isAuthorId(id)).as(id).isTrue();
            assertThat(id).doesNotContain("@", "example");
        });
        assertThat(guest).isEqualTo(sameGuest).startsWith("disqus.g.");
        assertThat(forged).startsWith("disqus.a.");
    }

    @Test
    void aGuestIdDependsOnTheSecretSoGuessedEmailsCannotBeHashedToIt() {
        SourceAuthor guest = new SourceAuthor("Ola", null, true, "ola@example.no", null);
        byte[] otherSecret = "another site's secret, also 32 bytes long".getBytes(StandardCharsets.UTF_8);

        assertThat(new AuthorIds(SECRET, "").of(SourceFormat.WORDPRESS, guest))
                .isNotEqualTo(new AuthorIds(otherSecret, "").of(SourceFormat.WORDPRESS, guest));
        assertThatThrownBy(() -> new AuthorIds(new byte[31], "")).hasMessageContaining("at least 32 bytes");
    }

    @Test
    void displayNamesFollowTheRule() {
        assertThat(DisplayNames.of(author("  Kari\n\tNordmann\u0007 ")).name()).isEqualTo("Kari Nordmann");
        var longName = DisplayNames.of(author("Å".repeat(150)));
        assertThat(longName.name()).hasSize(100).endsWith("…");
        assertThat(longName.changed()).contains("cut");
        assertThat(DisplayNames.of(new SourceAuthor(" ", "per-hansen", false, null, null)).name()).isEqualTo("per-hansen");
        assertThat(DisplayNames.of(author(null)).name()).isEqualTo(DisplayNames.NO_NAME);
    }

    @Test
    void aBodyOverTheLimitIsCutToItAndReported() {
        var body = Bodies.of(comment("<p>" + "ord ".repeat(10_000) + "</p>"), false, null);

        assertThat(body.text().codePointCount(0, body.text().length())).isEqualTo(20_000);
        assertThat(body.text()).endsWith("…");
        assertThat(body.changes()).containsExactly("the text is 39999 characters, more than a body's 20000; it was cut");
    }

    @Test
    void aBodyOfSupplementaryCharactersIsCutBetweenCharacters() {
        var body = Bodies.of(comment("🫐".repeat(25_000)), false, null);

        assertThat(body.text()).isEqualTo("🫐".repeat(19_999) + "…");
    }

    @Test
    void aBodyEmptyAfterConversionIsNone() {
        assertThat(Bodies.of(comment("<p>&nbsp;</p><script>x</script>"), false, null).text()).isNull();
    }

    private static MappingFile mapping(String text) {
        return MappingFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static SourceTopic topic(String sourceId, String url) {
        return new SourceTopic(sourceId, null, "T", url, null, Visibility.PUBLIC, false, List.of());
    }

    private static SourceAuthor author(String name) {
        return new SourceAuthor(name, null, true, null, null);
    }

    private static SourceComment comment(String html) {
        return new SourceComment("1", "1", null, author("x"), null, html, false, SourceState.PUBLISHED,
                SourceComment.ORDINARY, List.of());
    }
}
