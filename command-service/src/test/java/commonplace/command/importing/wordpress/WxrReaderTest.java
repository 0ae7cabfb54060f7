package commonplace.command.importing.wordpress;

import commonplace.command.importing.CollectingHandler;
import commonplace.command.importing.SourceComment;
import commonplace.command.importing.SourceFormat;
import commonplace.command.importing.SourceState;
import commonplace.command.importing.SourceTopic;
import commonplace.command.importing.SourceTopic.Visibility;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WxrReaderTest {

    private final CollectingHandler export =
            CollectingHandler.read(SourceFormat.WORDPRESS, "/importing/wordpress-export.xml");

    @Test
    void everyItemIsATopicWithItsPostIdSlugLinkAndTitle() {
        assertThat(export.topics).extracting(SourceTopic::sourceId).containsExactly("42", "2", "77", "78");
        SourceTopic post = export.topics.get(0);
        assertThat(post.identifier()).isEqualTo("fjelltur-til-galdhopiggen");
        assertThat(post.url()).isEqualTo("https://turbloggen.example.no/2023/07/fjelltur-til-galdhopiggen/");
        assertThat(post.title()).isEqualTo("Fjelltur til Galdhøpiggen");
        assertThat(post.createdAt()).isEqualTo(Instant.parse("2023-07-15T08:00:00Z"));
        assertThat(export.topics.get(1).closed()).isTrue();
    }

    @Test
    void draftsAndPasswordProtectedItemsAreNotPublic() {
        assertThat(export.topics).extracting(SourceTopic::visibility)
                .containsExactly(Visibility.PUBLIC, Visibility.PUBLIC, Visibility.NOT_PUBLIC, Visibility.NOT_PUBLIC);
        assertThat(export.topics.get(2).identifier()).as("an empty wp:post_name").isNull();
    }

    @Test
    void theItemIsHandedOverBeforeItsComments() {
        CollectingHandler ordered = new CollectingHandler() {
            @Override
            public void comment(SourceComment comment) {
                assertThat(topics).extracting(SourceTopic::sourceId).contains(comment.topicSourceId());
                super.comment(comment);
            }
        };
        try (var in = getClass().getResourceAsStream("/importing/wordpress-export.xml")) {
            new WxrReader().read(in, ordered);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(ordered.comments).hasSize(12);
    }

    @Test
    void commentsNameTheirParentAndAReplyMayComeBeforeItsParent() {
        SourceComment early = export.comments.get(0);
        assertThat(early.sourceId()).isEqualTo("104");
        assertThat(early.parentSourceId()).isEqualTo("103");
        assertThat(export.commentsById().get("101").parentSourceId()).as("comment_parent 0").isNull();
        assertThat(export.commentsById().get("101").topicSourceId()).isEqualTo("42");
    }

    @Test
    void theTimeIsCommentDateGmtInUtc() {
        assertThat(export.commentsById().get("101").createdAt()).isEqualTo(Instant.parse("2023-07-15T10:30:00Z"));
    }

    @Test
    void aZeroGmtDateFallsBackToTheLocalDateAndSaysSo() {
        SourceComment old = export.commentsById().get("111");
        assertThat(old.createdAt()).isEqualTo(Instant.parse("2009-05-01T12:00:00Z"));
        assertThat(old.notes()).containsExactly("no comment_date_gmt; the site's local comment_date was taken as UTC");
    }

    @Test
    void theApprovalStatesMapToSourceStates() {
        assertThat(export.commentsById().get("101").state()).isEqualTo(SourceState.PUBLISHED);
        assertThat(export.commentsById().get("105").state()).isEqualTo(SourceState.UNAPPROVED);
        assertThat(export.commentsById().get("106").state()).isEqualTo(SourceState.DELETED);
        assertThat(export.commentsById().get("107").state()).isEqualTo(SourceState.SPAM);
    }

    @Test
    void pingbacksAndTrackbacksKeepTheirType() {
        assertThat(export.commentsById().get("108").type()).isEqualTo("pingback");
        assertThat(export.commentsById().get("12").type()).isEqualTo("trackback");
        assertThat(export.commentsById().get("102").type()).isEqualTo(SourceComment.ORDINARY);
        assertThat(export.commentsById().get("101").type()).as("an empty comment_type").isEqualTo(SourceComment.ORDINARY);
    }

    @Test
    void registeredAuthorsHaveTheirUserIdAndEntitiesInNamesAreDecoded() {
        assertThat(export.commentsById().get("102").author().username()).isEqualTo("1");
        assertThat(export.commentsById().get("101").author().anonymous()).isTrue();
        assertThat(export.commentsById().get("108").author().name()).isEqualTo("Ukens lenker « Fjellbloggen");
    }

    @Test
    void theContentKeepsItsLineBreaks() {
        assertThat(export.commentsById().get("101").html())
                .startsWith("For en tur! Vi gikk fra Juvasshytta.\nDet tok fire timer.\n\nSe bildene");
    }

    @Test
    void everyWxrVersionIsRead() {
        for (String version : new String[] {"1.0", "1.1", "1.2"}) {
            CollectingHandler handler = new CollectingHandler();
            String xml = "<rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/" + version + "/\"><channel><item>"
                    + "<title>T</title><wp:post_id>5</wp:post_id><wp:comment><wp:comment_id>1</wp:comment_id>"
                    + "<wp:comment_content>x</wp:comment_content><wp:comment_approved>1</wp:comment_approved>"
                    + "</wp:comment></item></channel></rss>";
            new WxrReader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), handler);
            assertThat(handler.comments).as(version).hasSize(1);
        }
    }

    @Test
    void aCommentBeforeItsItemsPostIdIsReportedAsUnreadable() {
        CollectingHandler handler = new CollectingHandler();
        String xml = "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><item><wp:comment>"
                + "<wp:comment_id>1</wp:comment_id></wp:comment><wp:post_id>5</wp:post_id></item></channel></rss>";
        new WxrReader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), handler);

        assertThat(handler.unreadable).containsExactly("TOPIC null: an item without wp:post_id",
                "COMMENT 1: a wp:comment before its item's wp:post_id");
    }
}
