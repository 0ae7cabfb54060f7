package commonplace.events;

import java.time.Instant;
import java.util.List;

/** One realistic instance of every event type, full and with every optional field absent. */
final class SampleEvents {

    static final String TOPIC = "episode-90";

    private SampleEvents() {
    }

    static List<DiscussionEvent> full() {
        return List.of(
                new TopicOpened(TOPIC, "Episode 90: «Fjellet» og æøå", "https://Podcast.example.no:443/ep/90#top",
                        "https://podcast.example.no/ep/90", "Vi snakker om fjell.\n\nOg om “sitater”.", "kari", "Kari Nordmann"),
                new CommentPosted(TOPIC, "c-1", "Flott episode! Se https://example.com/a\n\nAndre avsnitt 🎉", "kari",
                        "Kari Nordmann"),
                new ReplyPosted(TOPIC, "c-2", "c-1", "Enig – “veldig” bra.", "bo", "Bø Ångström"),
                new CommentEdited(TOPIC, "c-1", 2, "Flott episode! Se https://example.com/b", "kari", "Kari Nordmann"),
                new CommentRetracted(TOPIC, "c-2", "posted by mistake", true, "mod", "Moderator"),
                new LinkShared(TOPIC, "l-1", "c-1", LinkOrigin.BODY, "https://Example.com:443/a#x",
                        "https://example.com/a", "example.com", "Se her", "kari", "Kari Nordmann"),
                new TopicLocked(TOPIC, "heated", "mod", "Moderator"),
                new TopicUnlocked(TOPIC, "mod", "Moderator"),
                new AuthorErased(TOPIC, "bo", java.util.List.of("dk_AAAAAAAAAAAAAAAAAAAAAA"),
                        "er_BBBBBBBBBBBBBBBBBBBBBB", 3, "bo"));
    }

    /** Events of an import carry where they came from and the source's time. */
    static List<DiscussionEvent> imported() {
        Imported thread = new Imported("disqus", "247937687", Instant.parse("2019-03-01T08:00:00Z"));
        Imported post = new Imported("wordpress:blog2", "4711", Instant.parse("2019-03-02T18:04:11Z"));
        return List.of(
                new TopicOpened(TOPIC, "Fjelltur på Søre", "https://blogg.example.no/2019/03/fjelltur/",
                        "https://blogg.example.no/2019/03/fjelltur", null, "import", "Import", thread),
                new CommentPosted(TOPIC, "c-1", "Flott tur!", "no", "disqus.kari_nordmann", "Kari Nordmann", post),
                new ReplyPosted(TOPIC, "c-2", "c-1", "Enig.", "wordpress.g.abc", "Guest", post),
                new CommentEdited(TOPIC, "c-1", 2, "Flott tur, igjen!", "disqus.kari_nordmann", "Kari Nordmann", post),
                new CommentRetracted(TOPIC, "c-2", null, true, "wordpress.g.abc", "Guest", post));
    }

    static List<DiscussionEvent> minimal() {
        return List.of(
                new TopicOpened(TOPIC, "Episode 90", null, null, null, "kari", "Kari"),
                new CommentRetracted(TOPIC, "c-2", null, false, "bo", "Bo"),
                new LinkShared(TOPIC, "l-2", null, LinkOrigin.SHARE, "http://example.org", "http://example.org/",
                        "example.org", null, "bo", "Bo"),
                new TopicLocked(TOPIC, null, "mod", "Moderator"));
    }
}
