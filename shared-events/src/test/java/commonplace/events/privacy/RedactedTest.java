package commonplace.events.privacy;

import commonplace.events.AuthorErased;
import commonplace.events.CommentPosted;
import commonplace.events.LinkOrigin;
import commonplace.events.LinkShared;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedactedTest {

    @Test
    void an_event_prints_its_tree_but_none_of_its_personal_fields() {
        String comment = new CommentPosted("episode-90", "c-1", "Hemmelig tekst", "no", "kari", "Kari Nordmann")
                .toString();
        String link = new LinkShared("episode-90", "l-1", "c-1", LinkOrigin.SHARE, "https://kari.example/x",
                "https://kari.example/x", "kari.example", "min side", "kari", "Kari Nordmann").toString();

        assertThat(comment).isEqualTo("CommentPosted[topicId=episode-90, commentId=c-1, body=<personal>,"
                + " language=no, authorId=kari, authorName=<personal>, imported=null]");
        assertThat(link).doesNotContain("kari.example", "min side", "Kari Nordmann").contains("shareId=l-1",
                "origin=SHARE", "note=<personal>");
        assertThat(new CommentPosted("t", "c", null, "und", "a", null).toString()).contains("body=null");
        assertThat(new AuthorErased("t", "bo", List.of("dk_AAAAAAAAAAAAAAAAAAAAAA"), "er_BBBBBBBBBBBBBBBBBBBBBB",
                1, "bo").toString()).contains("erasedAuthorId=bo");
    }
}
