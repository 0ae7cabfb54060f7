package commonplace.command.importing.mapping;

import commonplace.command.importing.SourceFormat;
import commonplace.command.importing.mapping.PlannedComment.Action;
import commonplace.events.Identifiers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The realistic exports of the test resources, planned end to end: ids, names, bodies, actions and reasons. */
class ImportPlannerTest {

    private static final byte[] SECRET = "a site's import secret of 32 bytes or more".getBytes(StandardCharsets.UTF_8);

    private final CollectingPlan disqus = plan(SourceFormat.DISQUS, "/importing/disqus-export.xml", MappingFile.NONE);
    private final CollectingPlan wordpress = plan(SourceFormat.WORDPRESS, "/importing/wordpress-export.xml",
            MappingFile.NONE);

    @Test
    void disqusTopicsTakeTheIdentifierOrASlugOfTheLinkAndDuplicateThreadsOfAPageMerge() {
        assertThat(disqus.topics).extracting(PlannedTopic::topicId)
                .containsExactly("episode-90", "episoder-91-aerlig-talt", "episoder-91-aerlig-talt", "episode-92");
        assertThat(disqus.topics.get(1).changes())
                .containsExactly("the source identifier is not a topic id; the id is a slug of the page address");
        assertThat(disqus.topics.get(2).changes())
                .containsExactly("another thread of the same page is already this topic; merged into it");
        assertThat(disqus.topics.get(0).title()).isEqualTo("Episode 90: Blåbær & breer");
    }

    @Test
    void aDisqusThreadOfFiveLevelsKeepsItsParentsByDerivedIds() {
        var byId = disqus.bySourceId();
        for (String[] childAndParent : new String[][] {{"9002", "9001"}, {"9003", "9002"}, {"9004", "9003"},
                {"9005", "9004"}}) {
            assertThat(byId.get(childAndParent[0]).parentCommentId())
                    .isEqualTo(byId.get(childAndParent[1]).commentId());
        }
        assertThat(byId.values()).allSatisfy(comment -> assertThat(Identifiers.isEntityId(comment.commentId())).isTrue());
    }

    @Test
    void disqusBodiesArePlainTextWithTheirLinksAndQuotes() {
        var byId = disqus.bySourceId();
        assertThat(byId.get("9001").body()).isEqualTo("Nydelig episode! Jeg gikk turen dere snakket om "
                + "(https://ut.no/turforslag/1234) i fjor.\n\nTips: ta med kvikk lunsj & kaffe ☕");
        assertThat(byId.get("9003").body())
                .isEqualTo("> den “gamle” eller den nye?\n\nDen gamle, over Bessegen.\nAnbefales 👍");
        assertThat(byId.get("9004").body()).isEqualTo("> > den gamle eller den nye?\n>\n> Den gamle, over Bessegen."
                + "\n\nSamme her! Se https://www.yr.no/sted/Norge/Innlandet/Vågå før dere går.");
    }

    @Test
    void accountsGuestsAndTheirNames() {
        var byId = disqus.bySourceId();
        assertThat(byId.get("9001").authorId()).isEqualTo("disqus.kari_nordmann");
        assertThat(byId.get("9001").authorName()).isEqualTo("Kari Nordmann");
        PlannedComment guest = byId.get("9004");
        assertThat(guest.authorId()).startsWith("disqus.g.").doesNotContain("ola", "example");
        assertThat(guest.authorName()).isEqualTo("Ola (gjest)");
        assertThat(Identifiers.isAuthorId(guest.authorId())).isTrue();
    }

    @Test
    void deletedIsPostedAndRetractedSpamIsSkippedAndAReplyToAMissingParentStaysAReply() {
        var byId = disqus.bySourceId();
        assertThat(byId.get("9006").action()).isEqualTo(Action.POST_RETRACTED);
        assertThat(byId.get("9006").body()).isEqualTo("Dette skrev jeg i sinne.");
        assertThat(byId.get("9007").action()).as("a reply under the deleted one").isEqualTo(Action.POST);
        assertThat(byId.get("9008").action()).isEqualTo(Action.SKIP);
        assertThat(byId.get("9008").skipped()).isEqualTo("spam in the source");
        assertThat(byId.get("9009").parentSourceId()).as("resolved when recorded").isEqualTo("8888");
    }

    @Test
    void aCommentPostedTwiceIsPlannedTwiceWithTheSourceTimes() {
        var byId = disqus.bySourceId();
        assertThat(byId.get("9010").body()).isEqualTo(byId.get("9011").body());
        assertThat(byId.get("9010").commentId()).isNotEqualTo(byId.get("9011").commentId());
        assertThat(byId.get("9011").action()).isEqualTo(Action.POST);
        assertThat(byId.get("9011").sourceTime()).isEqualTo(Instant.parse("2019-03-08T18:01:40Z"));
    }

    @Test
    void aReRunPlansTheSameIds() {
        CollectingPlan again = plan(SourceFormat.DISQUS, "/importing/disqus-export.xml", MappingFile.NONE);

        assertThat(again.comments).extracting(PlannedComment::commentId)
                .containsExactlyElementsOf(disqus.comments.stream().map(PlannedComment::commentId).toList());
        assertThat(again.comments).extracting(PlannedComment::authorId)
                .containsExactlyElementsOf(disqus.comments.stream().map(PlannedComment::authorId).toList());
    }

    @Test
    void wordPressTopicsTakeThePostNameAndHiddenItemsAreSkipped() {
        assertThat(wordpress.topics).extracting(PlannedTopic::topicId)
                .containsExactly("fjelltur-til-galdhopiggen", "om-meg", "p-77", "hemmelig");
        assertThat(wordpress.topics).extracting(PlannedTopic::skipped).containsExactly(null, null,
                "the page is not public in the source (a draft, private or password-protected)",
                "the page is not public in the source (a draft, private or password-protected)");
    }

    @Test
    void wordPressCommentsKeepTheirLineBreaksAndLinks() {
        assertThat(wordpress.bySourceId().get("101").body()).isEqualTo("""
                For en tur! Vi gikk fra Juvasshytta.
                Det tok fire timer.

                Se bildene mine på Flickr (https://flickr.example.com/kari/galdho) – og værmeldinga på \
                https://www.yr.no/.""");
        assertThat(wordpress.bySourceId().get("103").body()).isEqualTo("> var det is på breen?\n\nLitt, men vi hadde brefører 🧊");
    }

    @Test
    void wordPressStatesAndTypesDecideTheAction() {
        var byId = wordpress.bySourceId();
        assertThat(byId.get("105").skipped()).isEqualTo("not approved in the source");
        assertThat(byId.get("106").action()).isEqualTo(Action.POST_RETRACTED);
        assertThat(byId.get("107").skipped()).isEqualTo("spam in the source");
        assertThat(byId.get("108").skipped()).isEqualTo("a pingback, not a comment");
        assertThat(byId.get("12").skipped()).isEqualTo("a trackback, not a comment");
    }

    @Test
    void wordPressGuestsAreKnownByTheirEmailWhateverItsCaseAndUsersByTheirId() {
        var byId = wordpress.bySourceId();
        assertThat(byId.get("101").authorId()).isEqualTo(byId.get("103").authorId()).startsWith("wordpress.g.");
        assertThat(byId.get("102").authorId()).isEqualTo("wordpress.user-1");
    }

    @Test
    void theMappingFileOverridesTheDerivedTopicIds() {
        MappingFile mapping = MappingFile.read(new java.io.ByteArrayInputStream(
                "https://fjellpodden.example.no/episoder/91-Ærlig-talt/,ep-91\n7001,ep-90\n"
                        .getBytes(StandardCharsets.UTF_8)));

        CollectingPlan mapped = plan(SourceFormat.DISQUS, "/importing/disqus-export.xml", mapping);

        assertThat(mapped.topics).extracting(PlannedTopic::topicId)
                .containsExactly("ep-90", "ep-91", "ep-91", "episode-92");
    }

    static CollectingPlan plan(SourceFormat format, String resource, MappingFile mapping) {
        CollectingPlan sink = new CollectingPlan();
        ImportPlanner planner = new ImportPlanner(format, "", new AuthorIds(SECRET, ""), mapping, sink);
        try (InputStream in = ImportPlannerTest.class.getResourceAsStream(resource)) {
            format.reader().read(in, planner);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink;
    }
}
