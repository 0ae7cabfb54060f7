package commonplace.command.topic.model;

import commonplace.command.identity.Author;
import commonplace.command.topic.model.Commands.EditComment;
import commonplace.command.topic.model.Commands.LockTopic;
import commonplace.command.topic.model.Commands.OpenTopic;
import commonplace.command.topic.model.Commands.PostComment;
import commonplace.command.topic.model.Commands.PostReply;
import commonplace.command.topic.model.Commands.RetractComment;
import commonplace.command.topic.model.Commands.ShareLink;
import commonplace.command.topic.model.Commands.UnlockTopic;
import commonplace.command.topic.model.Results.CommentResult;
import commonplace.command.topic.model.Results.ShareResult;
import commonplace.command.topic.model.Results.TopicChanged;
import commonplace.command.topic.model.Results.TopicOpenedResult;
import commonplace.events.CommentEdited;
import commonplace.events.CommentPosted;
import commonplace.events.CommentRetracted;
import commonplace.events.LinkOrigin;
import commonplace.events.LinkShared;
import commonplace.events.ReplyPosted;
import commonplace.events.TopicLocked;
import commonplace.events.TopicOpened;
import commonplace.events.TopicUnlocked;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a discussion topic, one test per rule. */
class TopicTest {

    private static final String TOPIC = "episode-90";
    private static final Author ADA = new Author("ada", "Ada Lovelace", false);
    private static final Author BO = new Author("bo", "Bø Ångström", false);
    private static final Author MOD = new Author("mod", "Moderator Maja", true);
    private static final Instant T0 = Instant.parse("2026-11-25T04:05:06.123Z");

    private static final TopicOpened OPENED = new TopicOpened(TOPIC, "Episode 90", null, null, null, "ada", "Ada Lovelace");
    private static final CommentPosted C1 = new CommentPosted(TOPIC, "c1", "First!", "und", "ada", "Ada Lovelace");
    private static final TopicLocked LOCKED = new TopicLocked(TOPIC, null, "mod", "Moderator Maja");

    /** Digests keyed by the author (in the service, by the author's data key). */
    static final TextDigests DIGESTS = (authorId, text) -> text == null ? null : Hashes.sha256(authorId + "\n" + text);

    private FixtureConfiguration<Topic> fixture;

    @BeforeEach
    void fixture() {
        fixture = fixtureWith(TopicLimits.DEFAULTS);
    }

    private static FixtureConfiguration<Topic> fixtureWith(TopicLimits limits) {
        FixtureConfiguration<Topic> fixture = new AggregateTestFixture<>(Topic.class);
        fixture.registerInjectableResource(limits);
        fixture.registerInjectableResource(DIGESTS);
        return fixture;
    }

    /** Ada's share id for a link of c1's body: derived from the comment id and the address's keyed digest. */
    private static String shareId(String commentId, String normalizedUrl) {
        return Hashes.derivedId(commentId, DIGESTS.digest("ada", normalizedUrl));
    }

    // --- opening a topic

    @Test
    void openingATopicRecordsItWithItsNormalisedUrl() {
        fixture.givenNoPriorActivity()
                .when(new OpenTopic(TOPIC, " Episode 90 ", "https://Pod.example.no:443/ep/90#top", "Om fjell", ADA))
                .expectEvents(new TopicOpened(TOPIC, "Episode 90", "https://Pod.example.no:443/ep/90#top",
                        "https://pod.example.no/ep/90", "Om fjell", "ada", "Ada Lovelace"))
                .expectResultMessagePayload(new TopicOpenedResult(TOPIC, true, 1));
    }

    @Test
    void openingTheSameTopicAgainRecordsNothing() {
        fixture.given(OPENED)
                .when(new OpenTopic(TOPIC, "Episode 90", null, "  ", BO))
                .expectNoEvents()
                .expectResultMessagePayload(new TopicOpenedResult(TOPIC, false, 1));
    }

    @Test
    void openingAnExistingTopicWithADifferentTitleIsRefused() {
        fixture.given(OPENED)
                .when(new OpenTopic(TOPIC, "Episode 91", null, null, ADA))
                .expectException(TopicDiffersException.class)
                .expectNoEvents();
    }

    @Test
    void aTopicNeedsATitleOfAtMost300CharactersAndAnHttpUrl() {
        fixture.givenNoPriorActivity()
                .when(new OpenTopic(TOPIC, "x".repeat(301), "javascript:alert(1)", null, ADA))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("title must be at most 300 characters")
                .expectNoEvents();
    }

    @Test
    void aTitleWithABidirectionalControlOrALineSeparatorIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new OpenTopic(TOPIC, "Episode \u202E09", null, null, ADA))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("title must not contain bidirectional embedding, override or isolate controls");
        fixture.givenNoPriorActivity()
                .when(new OpenTopic(TOPIC, "Episode\u202890", null, null, ADA))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("title must not contain control characters or line breaks");
    }

    @Test
    void commandsForATopicThatDoesNotExistAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new PostComment(TOPIC, "c1", "Hello", null, ADA))
                .expectException(AggregateNotFoundException.class);
    }

    // --- comments and replies

    @Test
    void postingACommentRecordsItWithTheLanguageGuessedFromItsBody() {
        fixture.given(OPENED)
                .when(new PostComment(TOPIC, "c1", "Takk for en veldig god episode!", null, ADA))
                .expectEvents(new CommentPosted(TOPIC, "c1", "Takk for en veldig god episode!", "no", "ada",
                        "Ada Lovelace"))
                .expectResultMessagePayload(new CommentResult("c1", TOPIC, 1, 2));
    }

    @Test
    void aCommentSharesOneLinkPerDistinctUrlInItsBodyAndAnswersTheLastPosition() {
        String body = "Se https://Example.com/fjell. Og (https://nrk.no/p3) og igjen https://example.com/fjell#x";
        fixture.given(OPENED)
                .when(new PostComment(TOPIC, "c1", body, "no", ADA))
                .expectEvents(
                        new CommentPosted(TOPIC, "c1", body, "no", "ada", "Ada Lovelace"),
                        new LinkShared(TOPIC, shareId("c1", "https://example.com/fjell"), "c1",
                                LinkOrigin.BODY, "https://Example.com/fjell", "https://example.com/fjell",
                                "example.com", null, "ada", "Ada Lovelace"),
                        new LinkShared(TOPIC, shareId("c1", "https://nrk.no/p3"), "c1", LinkOrigin.BODY,
                                "https://nrk.no/p3", "https://nrk.no/p3", "nrk.no", null, "ada", "Ada Lovelace"))
                .expectResultMessagePayload(new CommentResult("c1", TOPIC, 1, 4));
    }

    @Test
    void aBodyRecordsTheFirst20DistinctLinksAndLeavesTheRestInTheText() {
        StringBuilder body = new StringBuilder("Kilder:");
        for (int i = 1; i <= 25; i++) {
            body.append(" https://example.com/").append(i);
        }
        List<Object> expected = new ArrayList<>(List.of(
                new CommentPosted(TOPIC, "c1", body.toString(), "no", "ada", "Ada Lovelace")));
        for (int i = 1; i <= 20; i++) {
            String url = "https://example.com/" + i;
            expected.add(new LinkShared(TOPIC, shareId("c1", url), "c1", LinkOrigin.BODY, url, url,
                    "example.com", null, "ada", "Ada Lovelace"));
        }
        fixture.given(OPENED)
                .when(new PostComment(TOPIC, "c1", body.toString(), "no", ADA))
                .expectEvents(expected.toArray())
                .expectResultMessagePayload(new CommentResult("c1", TOPIC, 1, 2 + 20));
        fixtureWith(new TopicLimits(1, 1_000)).given(OPENED)
                .when(new PostComment(TOPIC, "c1", "https://a.example/ og https://b.example/", "no", ADA))
                .expectEvents(new CommentPosted(TOPIC, "c1", "https://a.example/ og https://b.example/", "no", "ada",
                                "Ada Lovelace"),
                        new LinkShared(TOPIC, shareId("c1", "https://a.example/"), "c1", LinkOrigin.BODY,
                                "https://a.example/", "https://a.example/", "a.example", null, "ada", "Ada Lovelace"));
    }

    @Test
    void anEditSharesNewLinksOnlyAmongTheFirstLinksOfItsBody() {
        fixtureWith(new TopicLimits(1, 1_000)).given(OPENED, C1)
                .when(new EditComment(TOPIC, "c1", 1, "https://a.example/ og https://b.example/", ADA))
                .expectEvents(new CommentEdited(TOPIC, "c1", 2, "https://a.example/ og https://b.example/", "ada",
                                "Ada Lovelace"),
                        new LinkShared(TOPIC, shareId("c1", "https://a.example/"), "c1", LinkOrigin.BODY,
                                "https://a.example/", "https://a.example/", "a.example", null, "ada", "Ada Lovelace"));
    }

    @Test
    void aBodyIsStoredExactlyAsSentWithLineBreaksAndTabs() {
        String body = "  Tredje nivå.\r\n\r\n\tInnrykket – “anførsel” 🎉  ";
        fixture.given(OPENED)
                .when(new PostComment(TOPIC, "c1", body, "no", ADA))
                .expectEvents(new CommentPosted(TOPIC, "c1", body, "no", "ada", "Ada Lovelace"));
    }

    @Test
    void aBlankBodyIsRefused() {
        fixture.given(OPENED)
                .when(new PostComment(TOPIC, "c1", " \n\t ", null, ADA))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("body must not be blank");
    }

    @Test
    void aBodyOver20000CharactersAfterTrimmingIsRefused() {
        fixture.given(OPENED)
                .when(new PostComment(TOPIC, "c1", "x".repeat(20_001), null, ADA))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("body must be at most 20000 characters");
        fixture.given(OPENED)
                .when(new PostComment(TOPIC, "c1", "  " + "🎉".repeat(20_000) + "  ", "und", ADA))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aBodyWithControlCharactersOtherThanLineBreaksAndTabsIsRefused() {
        for (String body : new String[]{"bell\u0007", "nul\u0000", "lone\rcarriage return", "esc\u001b[31m", "c1\u0085"}) {
            fixture.given(OPENED)
                    .when(new PostComment(TOPIC, "c1", body, null, ADA))
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage("body must not contain control characters other than line breaks and tabs");
        }
    }

    @Test
    void aBodyHoldingHalfASurrogatePairIsRefused() {
        fixture.given(OPENED)
                .when(new PostComment(TOPIC, "c1", "blåbær \uD83E", null, ADA))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("body must be valid Unicode (it holds half of a surrogate pair)")
                .expectNoEvents();
    }

    @Test
    void rightToLeftTextWithItsBidirectionalControlsIsABody() {
        String body = "قال: \u2067שלום עולם\u2069 و \u202Bمرحبا\u202C";
        fixture.given(OPENED)
                .when(new PostComment(TOPIC, "c1", body, "ar", ADA))
                .expectEvents(new CommentPosted(TOPIC, "c1", body, "ar", "ada", "Ada Lovelace"));
    }

    @Test
    void replyingRecordsAReplyToItsParent() {
        fixture.given(OPENED, C1)
                .when(new PostReply(TOPIC, "r1", "c1", "Enig!", BO))
                .expectEvents(new ReplyPosted(TOPIC, "r1", "c1", "Enig!", "bo", "Bø Ångström"))
                .expectResultMessagePayload(new CommentResult("r1", TOPIC, 1, 3));
    }

    @Test
    void aReplyToACommentThatIsNotInTheTopicIsRefused() {
        fixture.given(OPENED, C1)
                .when(new PostReply(TOPIC, "r1", "elsewhere", "Enig!", BO))
                .expectException(CommentNotFoundException.class);
    }

    @Test
    void aReplyToARetractedCommentIsRefused() {
        fixture.given(OPENED, C1, new CommentRetracted(TOPIC, "c1", null, false, "ada", "Ada Lovelace"))
                .when(new PostReply(TOPIC, "r1", "c1", "Enig!", BO))
                .expectException(CommentRetractedException.class)
                .expectNoEvents();
    }

    @Test
    void replies1000DeepAreAcceptedAndADeeperOneIsRefused() {
        List<Object> chain = new ArrayList<>(List.of(OPENED, C1));
        String parent = "c1";
        for (int depth = 1; depth <= 999; depth++) {
            chain.add(new ReplyPosted(TOPIC, "r" + depth, parent, "Svar " + depth, "bo", "Bø Ångström"));
            parent = "r" + depth;
        }
        fixture.given(chain)
                .when(new PostReply(TOPIC, "r1000", "r999", "Svar 1000", BO))
                .expectEvents(new ReplyPosted(TOPIC, "r1000", "r999", "Svar 1000", "bo", "Bø Ångström"));
        chain.add(new ReplyPosted(TOPIC, "r1000", "r999", "Svar 1000", "bo", "Bø Ångström"));
        fixture.given(chain)
                .when(new PostReply(TOPIC, "r1001", "r1000", "Svar 1001", BO))
                .expectException(ReplyTooDeepException.class)
                .expectExceptionMessage("comment 'r1000' is 1000 replies deep, as deep as replies nest here;"
                        + " reply to a comment higher up the thread")
                .expectNoEvents();
        fixture.given(chain)
                .when(new PostReply(TOPIC, "r1001", "r500", "Svar midt i", BO))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theReplyDepthIsASetting() {
        fixtureWith(new TopicLimits(20, 1))
                .given(OPENED, C1, new ReplyPosted(TOPIC, "r1", "c1", "Enig!", "bo", "Bø Ångström"))
                .when(new PostReply(TOPIC, "r2", "r1", "Og jeg", ADA))
                .expectException(ReplyTooDeepException.class);
    }

    // --- double posts

    @Test
    void theSameBodyFromTheSameAuthorInTheSameTopicWithinTenMinutesIsADoublePost() {
        fixture.givenCurrentTime(T0)
                .andGiven(OPENED, C1)
                .andGivenCurrentTime(T0.plus(Duration.ofMinutes(9)))
                .when(new PostReply(TOPIC, "r1", "c1", "  First!\n", ADA))
                .expectException(DuplicatePostException.class)
                .expectException(org.hamcrest.Matchers.hasProperty("message",
                        org.hamcrest.Matchers.containsString("'c1'")))
                .expectNoEvents();
    }

    @Test
    void anOriginalWithSpaceAroundItsBodyOrAnEditThatAddsSomeIsComparedTrimmed() {
        fixture.givenCurrentTime(T0)
                .andGiven(OPENED, new CommentPosted(TOPIC, "c1", "\n  First!  ", "und", "ada", "Ada Lovelace"))
                .when(new PostComment(TOPIC, "c2", "First!", "und", ADA))
                .expectException(DuplicatePostException.class);
        fixture.givenCurrentTime(T0)
                .andGiven(OPENED, new CommentPosted(TOPIC, "c1", "Før", "und", "ada", "Ada Lovelace"),
                        new CommentEdited(TOPIC, "c1", 2, " Etter\n", "ada", "Ada Lovelace"))
                .when(new PostComment(TOPIC, "c2", "Etter", "und", ADA))
                .expectException(DuplicatePostException.class);
    }

    @Test
    void theSameBodyIsAcceptedAfterTenMinutesFromAnotherAuthorOrOnceTheOriginalWasRetracted() {
        fixture.givenCurrentTime(T0).andGiven(OPENED, C1)
                .andGivenCurrentTime(T0.plus(Duration.ofMinutes(10)))
                .when(new PostComment(TOPIC, "c2", "First!", "und", ADA))
                .expectSuccessfulHandlerExecution();
        fixture.givenCurrentTime(T0).andGiven(OPENED, C1)
                .when(new PostComment(TOPIC, "c2", "First!", "und", BO))
                .expectSuccessfulHandlerExecution();
        fixture.givenCurrentTime(T0).andGiven(OPENED, C1,
                        new CommentRetracted(TOPIC, "c1", null, false, "ada", "Ada Lovelace"))
                .when(new PostComment(TOPIC, "c2", "First!", "und", ADA))
                .expectSuccessfulHandlerExecution();
    }

    // --- edits

    @Test
    void editingRecordsTheNextRevisionAndSharesOnlyLinksNotYetSharedFromTheComment() {
        String first = "Se https://example.com/a";
        String second = "Se https://EXAMPLE.com/a#igjen og https://example.com/b";
        fixture.given(OPENED, new CommentPosted(TOPIC, "c1", first, "no", "ada", "Ada Lovelace"),
                        new LinkShared(TOPIC, "s1", "c1", LinkOrigin.BODY, "https://example.com/a",
                                "https://example.com/a", "example.com", null, "ada", "Ada Lovelace"))
                .when(new EditComment(TOPIC, "c1", 1, second, ADA))
                .expectEvents(new CommentEdited(TOPIC, "c1", 2, second, "ada", "Ada Lovelace"),
                        new LinkShared(TOPIC, shareId("c1", "https://example.com/b"), "c1", LinkOrigin.BODY,
                                "https://example.com/b", "https://example.com/b", "example.com", null, "ada",
                                "Ada Lovelace"))
                .expectResultMessagePayload(new CommentResult("c1", TOPIC, 2, 5));
    }

    @Test
    void anEditWithAnIdenticalBodyRecordsNothing() {
        fixture.given(OPENED, C1)
                .when(new EditComment(TOPIC, "c1", 1, "First!", ADA))
                .expectNoEvents()
                .expectResultMessagePayload(new CommentResult("c1", TOPIC, 1, 2));
    }

    @Test
    void onlyTheAuthorEditsNotEvenAModerator() {
        fixture.given(OPENED, C1)
                .when(new EditComment(TOPIC, "c1", 1, "Changed", MOD))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void anEditBasedOnAStaleRevisionIsRefusedWithTheCurrentRevision() {
        fixture.given(OPENED, C1, new CommentEdited(TOPIC, "c1", 2, "Second", "ada", "Ada Lovelace"))
                .when(new EditComment(TOPIC, "c1", 1, "Third", ADA))
                .expectException(StaleRevisionException.class)
                .expectException(org.hamcrest.Matchers.hasProperty("message",
                        org.hamcrest.Matchers.containsString("at revision 2")))
                .expectNoEvents();
    }

    @Test
    void aRetractedCommentCannotBeEdited() {
        fixture.given(OPENED, C1, new CommentRetracted(TOPIC, "c1", null, false, "ada", "Ada Lovelace"))
                .when(new EditComment(TOPIC, "c1", 1, "Back", ADA))
                .expectException(CommentRetractedException.class);
    }

    // --- retractions

    @Test
    void theAuthorRetractsTheirComment() {
        fixture.given(OPENED, C1)
                .when(new RetractComment(TOPIC, "c1", "wrong thread", ADA))
                .expectEvents(new CommentRetracted(TOPIC, "c1", "wrong thread", false, "ada", "Ada Lovelace"))
                .expectResultMessagePayload(new TopicChanged(TOPIC, true, 3));
    }

    @Test
    void aModeratorRetractsSomeoneElsesComment() {
        fixture.given(OPENED, C1)
                .when(new RetractComment(TOPIC, "c1", null, MOD))
                .expectEvents(new CommentRetracted(TOPIC, "c1", null, true, "mod", "Moderator Maja"));
    }

    @Test
    void nobodyElseRetractsAComment() {
        fixture.given(OPENED, C1)
                .when(new RetractComment(TOPIC, "c1", null, BO))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void retractingARetractedCommentRecordsNothing() {
        fixture.given(OPENED, C1, new CommentRetracted(TOPIC, "c1", null, false, "ada", "Ada Lovelace"))
                .when(new RetractComment(TOPIC, "c1", null, ADA))
                .expectNoEvents()
                .expectResultMessagePayload(new TopicChanged(TOPIC, false, 3));
    }

    // --- explicit shares

    @Test
    void sharingALinkRecordsItWithItsParentAndNote() {
        fixture.given(OPENED, C1)
                .when(new ShareLink(TOPIC, "s1", "https://NRK.no/p3#lytt", "Se også", "c1", BO))
                .expectEvents(new LinkShared(TOPIC, "s1", "c1", LinkOrigin.SHARE, "https://NRK.no/p3#lytt",
                        "https://nrk.no/p3", "nrk.no", "Se også", "bo", "Bø Ångström"))
                .expectResultMessagePayload(new ShareResult("s1", TOPIC, 3));
    }

    @Test
    void onlyHttpAndHttpsLinksAreShared() {
        fixture.given(OPENED)
                .when(new ShareLink(TOPIC, "s1", "javascript:alert(1)", null, null, BO))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("url only http and https URLs are accepted");
    }

    @Test
    void aShareParentMustBeALiveCommentOfTheTopic() {
        fixture.given(OPENED)
                .when(new ShareLink(TOPIC, "s1", "https://nrk.no", null, "nope", BO))
                .expectException(UnknownParentException.class);
        fixture.given(OPENED, C1, new CommentRetracted(TOPIC, "c1", null, false, "ada", "Ada Lovelace"))
                .when(new ShareLink(TOPIC, "s1", "https://nrk.no", null, "c1", BO))
                .expectException(CommentRetractedException.class);
    }

    @Test
    void aShareParentMustBeACommentIdAtAll() {
        fixture.given(OPENED)
                .when(new ShareLink(TOPIC, "s1", "https://nrk.no", null, "not a comment id", BO))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("parentId must be a comment id")
                .expectNoEvents();
    }

    @Test
    void theFieldsOfACommandAreCheckedBeforeAnyOtherRule() {
        fixture.given(OPENED, C1, new CommentRetracted(TOPIC, "c1", null, false, "ada", "Ada Lovelace"))
                .when(new PostReply(TOPIC, "r1", "c1", " ", BO))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("body must not be blank");
        fixture.given(OPENED)
                .when(new LockTopic(TOPIC, "x".repeat(1_001), ADA))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("reason must be at most 1000 characters");
    }

    // --- locking

    @Test
    void onlyAModeratorLocksOrUnlocksATopic() {
        fixture.given(OPENED)
                .when(new LockTopic(TOPIC, null, ADA))
                .expectException(NotAllowedException.class);
        fixture.given(OPENED, LOCKED)
                .when(new UnlockTopic(TOPIC, ADA))
                .expectException(NotAllowedException.class);
    }

    @Test
    void lockingRecordsTopicLockedOnceAndUnlockingRecordsTopicUnlocked() {
        fixture.given(OPENED)
                .when(new LockTopic(TOPIC, "heated", MOD))
                .expectEvents(new TopicLocked(TOPIC, "heated", "mod", "Moderator Maja"));
        fixture.given(OPENED, LOCKED)
                .when(new LockTopic(TOPIC, null, MOD))
                .expectNoEvents()
                .expectResultMessagePayload(new TopicChanged(TOPIC, false, 2));
        fixture.given(OPENED, LOCKED)
                .when(new UnlockTopic(TOPIC, MOD))
                .expectEvents(new TopicUnlocked(TOPIC, "mod", "Moderator Maja"));
    }

    @Test
    void aLockedTopicRefusesCommentsRepliesEditsAndShares() {
        Object[] refused = {
                new PostComment(TOPIC, "c2", "Hello", null, BO),
                new PostReply(TOPIC, "r1", "c1", "Hello", BO),
                new EditComment(TOPIC, "c1", 1, "Changed", ADA),
                new ShareLink(TOPIC, "s1", "https://nrk.no", null, null, BO)};
        for (Object command : refused) {
            fixture.given(OPENED, C1, LOCKED)
                    .when(command)
                    .expectException(TopicLockedException.class)
                    .expectNoEvents();
        }
    }

    @Test
    void aLockedTopicStillAllowsRetractions() {
        fixture.given(OPENED, C1, LOCKED)
                .when(new RetractComment(TOPIC, "c1", null, ADA))
                .expectEvents(new CommentRetracted(TOPIC, "c1", null, false, "ada", "Ada Lovelace"));
    }

    @Test
    void derivedShareIdsLookLikeServerIds() {
        assertThat(Hashes.derivedId("c1", "https://nrk.no/p3"))
                .hasSize(22)
                .matches(commonplace.events.Identifiers.ENTITY_ID);
    }
}
