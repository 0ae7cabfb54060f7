package commonplace.systemtests;

import commonplace.testing.http.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Disqus and a WordPress export imported through the command service, both running as processes from their jars,
 * and read back through the query service's public API: exactly the source's threads (how many, how nested, who
 * wrote what, the text byte for byte, its links, the original times), deleted comments retracted in place, spam and
 * unapproved comments absent; a second run of the same files changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportEndToEndTest extends StackTest {

    private static final Map<String, Integer> EVENTS_PER_TOPIC = Map.of(
            // opened; 9001..9007 and 9009 posted; links in 9001 and 9004; 9006 retracted
            "episode-90", 12,
            // opened; 9010, 9011 (the same text twice) and 9012 from the page's second thread; closed: locked
            "episoder-91-aerlig-talt", 5,
            "episode-92", 3,
            // opened; 101..104, 106 (trash: retracted), 109, 110, 111; links in 101 (two); 106 retracted
            "fjelltur-til-galdhopiggen", 12,
            // opened, and locked: comments were closed on the page
            "om-meg", 2);
    private static final java.util.Set<String> LOCKED = java.util.Set.of("episoder-91-aerlig-talt", "om-meg");

    private String disqus;
    private String wordpress;

    @BeforeAll
    void importBothExports() {
        disqus = fixture("disqus-export.xml");
        wordpress = fixture("wordpress-export.xml");
        assertThat(importAndWait("disqus", disqus).get("state").asText()).isEqualTo("completed");
        assertThat(importAndWait("wordpress", wordpress).get("state").asText()).isEqualTo("completed");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(feedLengths())
                .isEqualTo(EVENTS_PER_TOPIC));
    }

    @Test
    @Order(1)
    void theDisqusThreadReadsBackExactlyNestedFourDeepWithItsAuthorsTextsLinksAndTimes() {
        JsonNode items = api.read("/topics/episode-90/thread?sort=oldest").json().get("items");
        assertThat(ids(items)).containsExactly(disqus("9001"), disqus("9006"), disqus("9009"));

        JsonNode first = items.get(0);
        assertThat(first.get("body").asText()).isEqualTo("Nydelig episode! Jeg gikk turen dere snakket om "
                + "(https://ut.no/turforslag/1234) i fjor.\n\nTips: ta med kvikk lunsj & kaffe ☕");
        assertThat(first.get("author").get("id").asText()).isEqualTo("disqus.kari_nordmann");
        assertThat(first.get("author").get("name").asText()).isEqualTo("Kari Nordmann");
        assertThat(first.get("createdAt").asText()).isEqualTo("2019-03-01T19:02:03.000Z");
        assertThat(values(first.get("links"), "normalizedUrl")).containsExactly("https://ut.no/turforslag/1234");

        JsonNode second = only(first.get("replies"));
        assertThat(second.get("commentId").asText()).isEqualTo(disqus("9002"));
        assertThat(second.get("body").asText())
                .isEqualTo("Takk, Kari! Hvilken rute tok du – den “gamle” eller den nye?");
        assertThat(second.get("author").get("id").asText()).isEqualTo("disqus.fjellpodden");
        JsonNode third = only(second.get("replies"));
        assertThat(third.get("body").asText())
                .isEqualTo("> den “gamle” eller den nye?\n\nDen gamle, over Bessegen.\nAnbefales 👍");
        assertThat(third.get("createdAt").asText()).isEqualTo("2019-03-01T20:15:00.000Z");
        JsonNode guest = only(third.get("replies"));
        assertThat(guest.get("body").asText()).isEqualTo("> > den gamle eller den nye?\n>\n> Den gamle, over "
                + "Bessegen.\n\nSamme her! Se https://www.yr.no/sted/Norge/Innlandet/Vågå før dere går.");
        assertThat(guest.get("author").get("id").asText()).startsWith("disqus.g.");
        assertThat(guest.get("author").get("name").asText()).isEqualTo("Ola (gjest)");
        JsonNode fourDeep = only(guest.get("replies"));
        assertThat(fourDeep.get("depth").asInt()).isEqualTo(4);
        assertThat(fourDeep.get("body").asText()).isEqualTo("Enig med Ola 😄");
        assertThat(fourDeep.get("author").get("id").asText()).isEqualTo("disqus.per-hansen");
        assertThat(fourDeep.get("replies")).isEmpty();

        JsonNode deleted = items.get(1);
        assertThat(deleted.get("retracted").asBoolean()).isTrue();
        assertThat(deleted.get("body").isNull()).isTrue();
        assertThat(only(deleted.get("replies")).get("body").asText()).isEqualTo("Svar på noe som ble slettet.");

        JsonNode orphan = items.get(2);
        assertThat(orphan.get("parentId").isNull()).isTrue();
        assertThat(orphan.get("body").asText()).isEqualTo("Svar til en kommentar som ikke finnes i eksporten.");

        assertThat(api.read("/topics/episode-90/thread").body()).doesNotContain("Billige klokker", "Dette skrev jeg");
    }

    @Test
    @Order(2)
    void twoThreadsOfOnePageAreOneTopicWithTheDoublePostKeptAndTheTopicLocked() {
        JsonNode topic = api.read("/topics/episoder-91-aerlig-talt").json();
        assertThat(topic.get("title").asText()).isEqualTo("Episode 91: Ærlig talt");
        assertThat(topic.get("locked").asBoolean()).isTrue();
        JsonNode items = api.read("/topics/episoder-91-aerlig-talt/thread?sort=oldest").json().get("items");
        assertThat(values(items, "body")).containsExactly("Første!", "Første!",
                "Kommentar på den andre tråden for samme side.");
        assertThat(values(items, "createdAt")).containsExactly("2019-03-08T18:01:00.000Z", "2019-03-08T18:01:40.000Z",
                "2019-03-09T08:00:00.000Z");
    }

    @Test
    @Order(3)
    void theWordPressPostReadsBackWithItsReplyChainAGuestTheTrashRetractedAndTheOldCommentFirst() {
        JsonNode items = api.read("/topics/fjelltur-til-galdhopiggen/thread?sort=oldest").json().get("items");
        // 111 has no GMT time: its local time, 2009, taken as UTC, and its parent is not in the export
        assertThat(ids(items)).containsExactly(wordpress("111"), wordpress("101"), wordpress("109"), wordpress("110"));
        assertThat(items.get(0).get("createdAt").asText()).isEqualTo("2009-05-01T12:00:00.000Z");

        JsonNode root = items.get(1);
        assertThat(root.get("body").asText()).isEqualTo("For en tur! Vi gikk fra Juvasshytta.\nDet tok fire timer."
                + "\n\nSe bildene mine på Flickr (https://flickr.example.com/kari/galdho) – og værmeldinga på "
                + "https://www.yr.no/.");
        assertThat(root.get("author").get("id").asText()).startsWith("wordpress.g.");
        assertThat(root.get("createdAt").asText()).isEqualTo("2023-07-15T10:30:00.000Z");
        assertThat(values(root.get("links"), "normalizedUrl"))
                .containsExactlyInAnyOrder("https://flickr.example.com/kari/galdho", "https://www.yr.no/");
        assertThat(ids(root.get("replies"))).containsExactly(wordpress("102"), wordpress("106"));
        JsonNode ingrid = root.get("replies").get(0);
        assertThat(ingrid.get("author").get("id").asText()).isEqualTo("wordpress.user-1");
        JsonNode kari = only(ingrid.get("replies"));
        assertThat(kari.get("body").asText()).isEqualTo("> var det is på breen?\n\nLitt, men vi hadde brefører 🧊");
        assertThat(kari.get("author").get("id").asText()).isEqualTo(root.get("author").get("id").asText());
        JsonNode listedFirst = only(kari.get("replies"));
        assertThat(listedFirst.get("body").asText()).isEqualTo("Svar til svaret: ja, helt sikkert!");
        assertThat(root.get("replies").get(1).get("retracted").asBoolean()).isTrue();
        assertThat(values(items, "body")).doesNotContain("Best casino bonus http://spam.example",
                "Venter på godkjenning.");
        assertThat(api.read("/topics/p-77").status()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void theSameFilesAgainChangeNothingAndReportEveryItemAsAlreadyThere() {
        JsonNode again = importAndWait("disqus", disqus);
        JsonNode counts = again.get("counts");
        assertThat(counts.get("alreadyThere").asInt()).isEqualTo(13);
        assertThat(counts.get("comments").asInt() + counts.get("replies").asInt() + counts.get("topics").asInt()
                + counts.get("retracted").asInt() + counts.get("edited").asInt()).isZero();
        assertThat(importAndWait("wordpress", wordpress).get("counts").get("alreadyThere").asInt()).isEqualTo(8);

        // anything a re-run recorded would be on the feed before a later write to the same topic is
        String moderator = api.token("system-tests-moderator", "System Tests", "moderator");
        for (String topic : EVENTS_PER_TOPIC.keySet()) {
            Http.Response marker = LOCKED.contains(topic) ? api.unlock(moderator, topic) : api.lock(moderator, topic);
            assertThat(marker.status()).as(marker.toString()).isEqualTo(204);
        }
        Map<String, Integer> expected = new java.util.HashMap<>();
        EVENTS_PER_TOPIC.forEach((topic, events) -> expected.put(topic, events + 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(feedLengths()).isEqualTo(expected));
    }

    private JsonNode importAndWait(String format, String xml) {
        Http.Response started = api.importExport(format, xml);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String location = started.header("Location");
        await().atMost(Duration.ofSeconds(60)).until(() -> !api.commandAdmin(location).json().get("state").asText()
                .equals("running"));
        return api.commandAdmin(location).json();
    }

    private Map<String, Integer> feedLengths() {
        Map<String, Integer> lengths = new java.util.HashMap<>();
        EVENTS_PER_TOPIC.keySet().forEach(topic -> lengths.put(topic, (int) feedLength(topic)));
        return lengths;
    }

    private long feedLength(String topic) {
        Http.Response feed = api.read("/topics/" + topic + "/events");
        return feed.status() != 200 ? 0 : feed.body().lines().filter(line -> !line.isBlank()).count();
    }

    private static JsonNode only(JsonNode items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static List<String> ids(JsonNode items) {
        return values(items, "commentId");
    }

    private static List<String> values(JsonNode items, String field) {
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.get(field).asText()).toList();
    }

    private static String disqus(String sourceId) {
        return importedId("disqus", sourceId);
    }

    private static String wordpress(String sourceId) {
        return importedId("wordpress", sourceId);
    }

    /** The command service's id for an imported comment: from (format, site, source id), the same on every run. */
    private static String importedId(String format, String sourceId) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                    ("commonplace-import\n" + format + "\n\n" + sourceId).getBytes(StandardCharsets.UTF_8));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fixture(String name) {
        try (InputStream in = ImportEndToEndTest.class.getResourceAsStream("/importing/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
