package commonplace.command.importing.disqus;

import commonplace.command.importing.CollectingHandler;
import commonplace.command.importing.SourceComment;
import commonplace.command.importing.SourceFormat;
import commonplace.command.importing.SourceState;
import commonplace.command.importing.SourceTopic;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DisqusExportReaderTest {

    private final CollectingHandler export = CollectingHandler.read(SourceFormat.DISQUS, "/importing/disqus-export.xml");

    @Test
    void everyThreadIsATopicWithItsDisqusIdIdentifierLinkTitleAndTime() {
        assertThat(export.topics).extracting(SourceTopic::sourceId).containsExactly("7001", "7002", "7003", "7004");
        SourceTopic first = export.topics.get(0);
        assertThat(first.identifier()).isEqualTo("episode-90");
        assertThat(first.url()).isEqualTo("https://fjellpodden.example.no/episoder/90/");
        assertThat(first.title()).isEqualTo("Episode 90: Blåbær & breer");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2019-03-01T18:00:00Z"));
        assertThat(first.visibility()).isEqualTo(SourceTopic.Visibility.PUBLIC);
        assertThat(export.topics.get(1).closed()).isTrue();
        assertThat(export.topics.get(2).identifier()).as("an empty <id/>").isNull();
    }

    @Test
    void everyPostIsACommentNamingItsThreadAndParentByDsqId() {
        assertThat(export.comments).hasSize(14);
        assertThat(export.unreadable).isEmpty();
        SourceComment reply = export.commentsById().get("9005");
        assertThat(reply.topicSourceId()).isEqualTo("7001");
        assertThat(reply.parentSourceId()).isEqualTo("9004");
        assertThat(reply.createdAt()).isEqualTo(Instant.parse("2019-03-02T09:00:00Z"));
        assertThat(export.commentsById().get("9001").parentSourceId()).isNull();
    }

    @Test
    void theMessageIsTheHtmlInsideItsCdataSection() {
        assertThat(export.commentsById().get("9001").html())
                .startsWith("<p>Nydelig episode! Jeg gikk <a href=\"https://ut.no/turforslag/1234\"")
                .endsWith("kaffe ☕</p>");
    }

    @Test
    void anAccountHasItsUsernameAndAGuestOnlyANameAndAnEmail() {
        SourceComment account = export.commentsById().get("9001");
        assertThat(account.author().username()).isEqualTo("kari_nordmann");
        assertThat(account.author().name()).isEqualTo("Kari Nordmann");
        assertThat(account.author().anonymous()).isFalse();

        SourceComment guest = export.commentsById().get("9004");
        assertThat(guest.author().anonymous()).isTrue();
        assertThat(guest.author().username()).isNull();
        assertThat(guest.author().email()).isEqualTo("ola.gjest@example.com");
    }

    @Test
    void deletedAndSpamPostsCarryTheirState() {
        assertThat(export.commentsById().get("9006").state()).isEqualTo(SourceState.DELETED);
        assertThat(export.commentsById().get("9008").state()).isEqualTo(SourceState.SPAM);
        assertThat(export.commentsById().get("9001").state()).isEqualTo(SourceState.PUBLISHED);
    }

    @Test
    void postsListedBeforeTheirThreadAreReadAsWellAsThatThread() {
        assertThat(export.commentsById().get("9013").topicSourceId()).isEqualTo("7004");
        assertThat(export.topics.get(3).identifier()).isEqualTo("episode-92");
    }

    @Test
    void aPostWithoutDsqIdFallsBackToItsIdAndSaysSo() {
        SourceComment fallback = export.commentsById().get("12345678890");
        assertThat(fallback.html()).isEqualTo("Denne posten hadde ingen dsq:id");
        assertThat(fallback.notes()).containsExactly("the post has no dsq:id; its <id> was used");
    }

    @Test
    void thePersonalFieldsAreNotInTheRecordsTextForm() {
        SourceComment guest = export.commentsById().get("9004");

        assertThat(guest.toString()).doesNotContain("ola.gjest@example.com", "Ola", "Samme her");
    }

    @Test
    void aPostThatNamesNoThreadIsReportedAsUnreadable() {
        CollectingHandler handler = read("<disqus xmlns=\"http://disqus.com\" xmlns:dsq=\"http://disqus.com/disqus-internals\">"
                + "<post dsq:id=\"1\"><message>x</message></post></disqus>");

        assertThat(handler.comments).isEmpty();
        assertThat(handler.unreadable).containsExactly("COMMENT 1: the post names no thread");
    }

    @Test
    void anUnreadableTimeOrFlagIsANoteNotAFailure() {
        CollectingHandler handler = read("<disqus xmlns=\"http://disqus.com\" xmlns:dsq=\"http://disqus.com/disqus-internals\">"
                + "<post dsq:id=\"x1\"><message>x</message><createdAt>2011-x09-30T22:48:43Z</createdAt>"
                + "<isSpam>123</isSpam><thread dsq:id=\"1\"/></post></disqus>");

        SourceComment comment = handler.comments.get(0);
        assertThat(comment.createdAt()).isNull();
        assertThat(comment.state()).isEqualTo(SourceState.UNAPPROVED);
        assertThat(comment.notes()).containsExactly("createdAt is not a time this reader knows",
                "isSpam or isDeleted is neither true nor false; held back as unapproved");
    }

    @Test
    void aTenMegabyteMessageIsKeptToItsFirstMebibyteAndMarkedCut() {
        String huge = "<p>" + "ord ".repeat(2_500_000) + "</p>";
        CollectingHandler handler = read("<disqus xmlns=\"http://disqus.com\" xmlns:dsq=\"http://disqus.com/disqus-internals\">"
                + "<post dsq:id=\"1\"><message><![CDATA[" + huge + "]]></message><thread dsq:id=\"7\"/></post>"
                + "<post dsq:id=\"2\"><message>etter</message><thread dsq:id=\"7\"/></post></disqus>");

        assertThat(handler.comments).hasSize(2);
        assertThat(handler.comments.get(0).html()).hasSize(SourceComment.HTML_MAX);
        assertThat(handler.comments.get(0).htmlCut()).isTrue();
        assertThat(handler.comments.get(1).html()).isEqualTo("etter");
    }

    private static CollectingHandler read(String xml) {
        CollectingHandler handler = new CollectingHandler();
        new DisqusExportReader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), handler);
        return handler;
    }
}
