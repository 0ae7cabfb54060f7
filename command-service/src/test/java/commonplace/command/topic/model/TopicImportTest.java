package commonplace.command.topic.model;

import commonplace.command.identity.Author;
import commonplace.command.topic.model.Commands.ImportComments;
import commonplace.command.topic.model.Commands.ImportedComment;
import commonplace.command.topic.model.Commands.ImportedTopic;
import commonplace.command.topic.model.Commands.PostComment;
import commonplace.command.topic.model.Results.ImportOutcome;
import commonplace.command.topic.model.Results.ImportOutcome.Kind;
import commonplace.command.topic.model.Results.ImportResult;
import commonplace.events.CommentEdited;
import commonplace.events.CommentPosted;
import commonplace.events.CommentRetracted;
import commonplace.events.Imported;
import commonplace.events.ReplyPosted;
import commonplace.events.TopicLocked;
import commonplace.events.TopicOpened;
import commonplace.events.language.LanguageGuess;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The topic's rules for an import: once per id, changes as edits and retractions, history kept as the source had it. */
class TopicImportTest {

    private static final String TOPIC = "episode-90";
    private static final Author ADMIN = new Author("site-admin", "Site Admin", false);
    private static final Instant SOURCE = Instant.parse("2019-03-01T19:02:03Z");
    private static final Instant IMPORTED_AT = Instant.parse("2026-12-02T05:00:00Z");
    private static final ImportedTopic PAGE = new ImportedTopic("Episode 90", "https://fjellpodden.example.no/90/",
            "disqus", "7001", SOURCE.minusSeconds(3600));

    private FixtureConfiguration<Topic> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Topic.class);
        fixture.registerInjectableResource(TopicLimits.DEFAULTS);
        fixture.registerInjectableResource(TopicTest.DIGESTS);
    }

    @Test
    void aNewTopicOpensWithItsSourceAndTakesCommentsRepliesAndTheSourcesDoublePost() {
        fixture.givenNoPriorActivity()
                .when(command(false, comment("c1", null, "Første!", false), comment("c2", "c1", "Enig", false),
                        comment("c3", null, "Første!", false)))
                .expectEvents(
                        new TopicOpened(TOPIC, "Episode 90", "https://fjellpodden.example.no/90/",
                                "https://fjellpodden.example.no/90/", null, "site-admin", "Site Admin",
                                new Imported("disqus", "7001", SOURCE.minusSeconds(3600))),
                        new CommentPosted(TOPIC, "c1", "Første!", LanguageGuess.of("Første!"), "disqus.per", "Per", imported("c1")),
                        new ReplyPosted(TOPIC, "c2", "c1", "Enig", "disqus.per", "Per", imported("c2")),
                        new CommentPosted(TOPIC, "c3", "Første!", LanguageGuess.of("Første!"), "disqus.per", "Per", imported("c3")))
                .expectResultMessagePayloadMatching(new org.hamcrest.CustomTypeSafeMatcher<ImportResult>("kinds") {
                    @Override
                    protected boolean matchesSafely(ImportResult result) {
                        return result.topicOpened() && result.outcomes().stream().map(ImportOutcome::kind).toList()
                                .equals(List.of(Kind.COMMENT, Kind.REPLY, Kind.COMMENT));
                    }
                });
    }

    @Test
    void theSameItemsAgainRecordNothingAndAChangedOrDeletedOneIsAnEditOrARetraction() {
        fixture.given(opened(), posted("c1", "Første!"), posted("c2", "Andre"), posted("c3", "Tredje"))
                .when(command(false, comment("c1", null, "Første!", false), comment("c2", null, "Andre, rettet", false),
                        comment("c3", null, "Tredje", true)))
                .expectEvents(
                        new CommentEdited(TOPIC, "c2", 2, "Andre, rettet", "disqus.per", "Per",
                                new Imported("disqus", "c2", IMPORTED_AT)),
                        new CommentRetracted(TOPIC, "c3", null, true, "site-admin", "Site Admin", imported("c3")))
                .expectResultMessagePayloadMatching(kinds(Kind.ALREADY_THERE, Kind.EDITED, Kind.RETRACTED));
    }

    @Test
    void aDeletedCommentIsRecordedRetractedAndARetractedOneIsNeverChangedAgain() {
        fixture.given(opened(), posted("c1", "Første!"),
                        new CommentRetracted(TOPIC, "c1", null, true, "mod", "Mod"))
                .when(command(false, comment("c1", null, "Første, endret", false), comment("c9", null, "Slettet", true)))
                .expectEvents(
                        new CommentPosted(TOPIC, "c9", "Slettet", LanguageGuess.of("Slettet"), "disqus.per", "Per", imported("c9")),
                        new CommentRetracted(TOPIC, "c9", null, true, "site-admin", "Site Admin", imported("c9")))
                .expectResultMessagePayloadMatching(kinds(Kind.KEPT_RETRACTED, Kind.RETRACTED_NEW));
    }

    @Test
    void aReplyToACommentTheTopicLacksGoesToTheTopAndALockedTopicStillTakesItsHistoryThenLocks() {
        fixture.given(opened(), new TopicLocked(TOPIC, "heated", "mod", "Mod"))
                .when(command(false, comment("c5", "gone", "Svar", false)))
                .expectEvents(new CommentPosted(TOPIC, "c5", "Svar", LanguageGuess.of("Svar"), "disqus.per", "Per", imported("c5")))
                .expectResultMessagePayloadMatching(new org.hamcrest.CustomTypeSafeMatcher<ImportResult>("moved") {
                    @Override
                    protected boolean matchesSafely(ImportResult result) {
                        return result.outcomes().get(0).movedToTop() && !result.topicOpened();
                    }
                });

        fixture.given(opened())
                .when(command(true, comment("c1", null, "Hei", false)))
                .expectEvents(new CommentPosted(TOPIC, "c1", "Hei", LanguageGuess.of("Hei"), "disqus.per", "Per", imported("c1")),
                        new TopicLocked(TOPIC, "closed in the source", "site-admin", "Site Admin"));
    }

    @Test
    void aBodyThatBreaksTheRulesIsRefusedAloneAndAnImportedCommentIsNeverTheOriginalOfADoublePost() {
        fixture.given(opened())
                .when(command(false, comment("c1", null, " ", false), comment("c2", null, "Gyldig", false)))
                .expectEvents(new CommentPosted(TOPIC, "c2", "Gyldig", LanguageGuess.of("Gyldig"), "disqus.per", "Per", imported("c2")))
                .expectResultMessagePayloadMatching(kinds(Kind.REFUSED, Kind.COMMENT));

        // an imported comment is history: the same words from the same author here are not a double post of it
        fixture.given(opened(), posted("c1", "Første!"))
                .when(new PostComment(TOPIC, "c2", "Første!", null, new Author("disqus.per", "Per", false)))
                .expectSuccessfulHandlerExecution();
    }

    private static org.hamcrest.Matcher<ImportResult> kinds(Kind... kinds) {
        return new org.hamcrest.CustomTypeSafeMatcher<>("outcomes " + List.of(kinds)) {
            @Override
            protected boolean matchesSafely(ImportResult result) {
                return result.outcomes().stream().map(ImportOutcome::kind).toList().equals(List.of(kinds));
            }
        };
    }

    private static ImportComments command(boolean lockAfter, ImportedComment... comments) {
        return new ImportComments(TOPIC, PAGE, List.of(comments), lockAfter, IMPORTED_AT, ADMIN);
    }

    private static ImportedComment comment(String id, String parentId, String body, boolean deleted) {
        return new ImportedComment(id, parentId, body, "disqus.per", "Per", "disqus", id, SOURCE, deleted);
    }

    private static Imported imported(String sourceId) {
        return new Imported("disqus", sourceId, SOURCE);
    }

    private static TopicOpened opened() {
        return new TopicOpened(TOPIC, "Episode 90", null, null, null, "site-admin", "Site Admin",
                new Imported("disqus", "7001", SOURCE));
    }

    private static CommentPosted posted(String id, String body) {
        return new CommentPosted(TOPIC, id, body, LanguageGuess.of(body), "disqus.per", "Per", imported(id));
    }
}
