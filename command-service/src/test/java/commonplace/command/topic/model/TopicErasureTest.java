package commonplace.command.topic.model;

import commonplace.command.identity.Author;
import commonplace.command.topic.model.Commands.EditComment;
import commonplace.command.topic.model.Commands.PostComment;
import commonplace.command.topic.model.Commands.PostReply;
import commonplace.command.topic.model.Commands.RecordErasure;
import commonplace.command.topic.model.Commands.ShareLink;
import commonplace.command.topic.model.Results.CommentResult;
import commonplace.command.topic.model.Results.TopicChanged;
import commonplace.events.AuthorErased;
import commonplace.events.CommentPosted;
import commonplace.events.ReplyPosted;
import commonplace.events.TopicLocked;
import commonplace.events.TopicOpened;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * An erasure in one topic: recorded once per erasure even in a locked topic, and afterwards the erased author's
 * comments are placeholders (no edit, reply or link onto them), while everyone else's stay open; a comment whose body
 * can no longer be read (its key destroyed before the erasure reached the topic) is a placeholder as well.
 */
class TopicErasureTest {

    private static final String TOPIC = "episode-91";
    private static final Author ADA = new Author("ada", "Ada Lovelace", false);
    private static final Author BO = new Author("bo", "Bo", false);
    private static final TopicOpened OPENED = new TopicOpened(TOPIC, "Episode 91", null, null, null, "site", "Site");
    private static final CommentPosted ADA_C1 = new CommentPosted(TOPIC, "c1", "Ada's words", "und", "ada", "Ada");
    private static final CommentPosted BO_C2 = new CommentPosted(TOPIC, "c2", "Bo's words", "und", "bo", "Bo");
    private static final String ERASURE = "er_AAAAAAAAAAAAAAAAAAAAAA";
    private static final AuthorErased ERASED = new AuthorErased(TOPIC, "ada", List.of("dk_AAAAAAAAAAAAAAAAAAAAAA"),
            ERASURE, 2, "ada");

    private FixtureConfiguration<Topic> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Topic.class);
        fixture.registerInjectableResource(TopicLimits.DEFAULTS);
        fixture.registerInjectableResource(TopicTest.DIGESTS);
    }

    private static RecordErasure record() {
        return new RecordErasure(TOPIC, "ada", List.of("dk_AAAAAAAAAAAAAAAAAAAAAA"), ERASURE, 2, "ada");
    }

    @Test
    void anErasureIsRecordedOnceEvenInALockedTopic() {
        fixture.given(OPENED, ADA_C1, new TopicLocked(TOPIC, null, "mod", "Mod"))
                .when(record())
                .expectEvents(ERASED)
                .expectResultMessagePayload(new TopicChanged(TOPIC, true, 4));
        fixture.given(OPENED, ADA_C1, ERASED)
                .when(record())
                .expectNoEvents()
                .expectResultMessagePayload(new TopicChanged(TOPIC, false, 3));
    }

    @Test
    void anErasedAuthorsCommentCannotBeEditedRepliedToOrLinkedTo() {
        fixture.given(OPENED, ADA_C1, BO_C2, ERASED)
                .when(new PostReply(TOPIC, "r1", "c1", "a reply", BO))
                .expectException(CommentErasedException.class);
        fixture.given(OPENED, ADA_C1, BO_C2, ERASED)
                .when(new EditComment(TOPIC, "c1", 1, "new words", ADA))
                .expectException(CommentErasedException.class);
        fixture.given(OPENED, ADA_C1, BO_C2, ERASED)
                .when(new ShareLink(TOPIC, "s1", "https://example.com/", null, "c1", BO))
                .expectException(CommentErasedException.class);
        fixture.given(OPENED, ADA_C1, BO_C2, ERASED)
                .when(new PostReply(TOPIC, "r1", "c2", "a reply", BO))
                .expectEvents(new ReplyPosted(TOPIC, "r1", "c2", "a reply", "bo", "Bo"));
    }

    @Test
    void anErasedAuthorMayWriteAgainAndTheSameWordsAreNoDoublePost() {
        fixture.given(OPENED, ADA_C1, ERASED)
                .when(new PostComment(TOPIC, "c3", "Ada's words", null, ADA))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new CommentResult("c3", TOPIC, 1, 4));
    }

    @Test
    void aCommentWhoseBodyCannotBeReadIsAPlaceholder() {
        fixture.given(OPENED, new CommentPosted(TOPIC, "c1", null, "und", "ada", null))
                .when(new PostReply(TOPIC, "r1", "c1", "a reply", BO))
                .expectException(CommentErasedException.class);
    }
}
