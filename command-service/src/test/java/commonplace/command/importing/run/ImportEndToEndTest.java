package commonplace.command.importing.run;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.command.importing.SourceFormat;
import commonplace.command.importing.mapping.ImportedIds;
import commonplace.testing.http.Http;
import commonplace.testing.http.Http.Response;
import commonplace.command.support.Imports;
import commonplace.command.support.Tokens;
import commonplace.events.CommentEdited;
import commonplace.events.CommentPosted;
import commonplace.events.CommentRetracted;
import commonplace.events.DiscussionEvent;
import commonplace.events.Imported;
import commonplace.events.LinkShared;
import commonplace.events.ReplyPosted;
import commonplace.events.TopicLocked;
import commonplace.events.TopicOpened;
import commonplace.testing.IsolatedInfrastructure;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Imports on a real PostgreSQL and Kafka, through the admin API: the Disqus fixture becomes exactly the expected
 * events (tree, authors, texts, source times, deleted as retracted, spam and orphans reported), a second run records
 * nothing, a later export records only what changed, and files that cannot be read are refused with nothing kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET,
        "commonplace.rate-limit.per-minute=0",
        "commonplace.import.secret=" + ImportEndToEndTest.IMPORT_SECRET,
        "commonplace.import.max-bytes=400000",
        "commonplace.import.batch-size=3"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportEndToEndTest {

    static final String IMPORT_SECRET = "import-secret-for-tests-only-0123456789abcdef";
    private static final IsolatedInfrastructure INFRA = IsolatedInfrastructure.forTestClass(ImportEndToEndTest.class);

    private final String admin = Tokens.admin("site-admin", "Site Admin");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    private Http http;

    @BeforeAll
    void connect() {
        http = new Http(port);
    }

    @Test
    @Order(1)
    void aDisqusExportBecomesItsThreadsWithEveryCommentInPlaceAndEverySkipReported() throws IOException {
        JsonNode report = importAndWait("disqus", fixture("disqus-export.xml"));

        assertThat(report.get("state").asText()).isEqualTo("completed");
        JsonNode counts = report.get("counts");
        // topics: episode-90, the two threads of episode 91 merged into one, episode-92
        assertThat(counts.get("topics").asInt()).isEqualTo(3);
        // 9001, 9009 (its parent is missing), 9010, 9011 (posted twice), 9012, 9013, the post known by its <id>
        assertThat(counts.get("comments").asInt()).isEqualTo(7);
        // 9002..9005 nested four deep, 9007 under the deleted 9006
        assertThat(counts.get("replies").asInt()).isEqualTo(5);
        assertThat(counts.get("retracted").asInt()).isEqualTo(1);
        assertThat(counts.get("skipped").asInt()).isEqualTo(1);
        assertThat(lines(report)).contains("comment 9008 skipped: spam in the source")
                .anyMatch(line -> line.startsWith("comment 9009 changed: answers 8888"));

        List<DiscussionEvent> episode90 = events("episode-90");
        assertThat(episode90.get(0)).isInstanceOfSatisfying(TopicOpened.class, opened -> {
            assertThat(opened.title()).isEqualTo("Episode 90: Blåbær & breer");
            assertThat(opened.url()).isEqualTo("https://fjellpodden.example.no/episoder/90/");
            assertThat(opened.authorId()).isEqualTo("site-admin");
            assertThat(opened.imported()).isEqualTo(new Imported("disqus", "7001",
                    Instant.parse("2019-03-01T18:00:00Z")));
        });
        String root = id("9001");
        CommentPosted first = only(episode90, CommentPosted.class, root);
        assertThat(first.body()).isEqualTo("Nydelig episode! Jeg gikk turen dere snakket om"
                + " (https://ut.no/turforslag/1234) i fjor.\n\nTips: ta med kvikk lunsj & kaffe ☕");
        assertThat(first.authorId()).isEqualTo("disqus.kari_nordmann");
        assertThat(first.authorName()).isEqualTo("Kari Nordmann");
        assertThat(first.imported().at()).isEqualTo(Instant.parse("2019-03-01T19:02:03Z"));
        assertThat(episode90).filteredOn(LinkShared.class::isInstance).map(e -> ((LinkShared) e).url())
                .contains("https://ut.no/turforslag/1234");

        assertThat(only(episode90, ReplyPosted.class, id("9002")).parentId()).isEqualTo(root);
        assertThat(only(episode90, ReplyPosted.class, id("9003")).parentId()).isEqualTo(id("9002"));
        ReplyPosted guest = only(episode90, ReplyPosted.class, id("9004"));
        assertThat(guest.parentId()).isEqualTo(id("9003"));
        assertThat(guest.authorId()).startsWith("disqus.g.").doesNotContain("ola", "example");
        assertThat(guest.authorName()).isEqualTo("Ola (gjest)");
        assertThat(only(episode90, ReplyPosted.class, id("9005")).parentId()).isEqualTo(id("9004"));

        assertThat(only(episode90, CommentRetracted.class, id("9006")).imported().sourceId()).isEqualTo("9006");
        assertThat(only(episode90, ReplyPosted.class, id("9007")).parentId()).isEqualTo(id("9006"));
        assertThat(episode90).noneMatch(e -> e instanceof CommentPosted posted
                && posted.commentId().equals(id("9008")));

        List<DiscussionEvent> episode91 = events("episoder-91-aerlig-talt");
        assertThat(episode91).filteredOn(TopicOpened.class::isInstance).hasSize(1);
        assertThat(episode91).filteredOn(CommentPosted.class::isInstance).map(e -> ((CommentPosted) e).body())
                .containsExactly("Første!", "Første!", "Kommentar på den andre tråden for samme side.");
        assertThat(episode91).filteredOn(TopicLocked.class::isInstance).hasSize(1);
    }

    @Test
    @Order(2)
    void theSameFileAgainRecordsNothingAndReportsEveryItemAsAlreadyThere() throws IOException {
        long before = storedEvents();

        JsonNode report = importAndWait("disqus", fixture("disqus-export.xml"));

        assertThat(storedEvents()).isEqualTo(before);
        JsonNode counts = report.get("counts");
        assertThat(counts.get("topics").asInt() + counts.get("comments").asInt() + counts.get("replies").asInt()
                + counts.get("retracted").asInt() + counts.get("edited").asInt()).isZero();
        assertThat(counts.get("alreadyThere").asInt()).isEqualTo(13);
        assertThat(counts.get("skipped").asInt()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aLaterExportRecordsOnlyWhatIsNewOrChangedThere() throws IOException {
        String later = fixture("disqus-export.xml")
                .replace("i fjor.</p>", "i fjor, og i år.</p>")
                .replace("<message><![CDATA[<p>Enig med Ola 😄</p>]]></message>\n    <createdAt>2019-03-02T09:00:00Z"
                                + "</createdAt>\n    <isDeleted>false</isDeleted>",
                        "<message><![CDATA[<p>Enig med Ola 😄</p>]]></message>\n    <createdAt>2019-03-02T09:00:00Z"
                                + "</createdAt>\n    <isDeleted>true</isDeleted>")
                .replace("</disqus>", """
                          <post dsq:id="9100">
                            <message><![CDATA[<p>Ny kommentar etter første import.</p>]]></message>
                            <createdAt>2020-01-01T10:00:00Z</createdAt>
                            <isDeleted>false</isDeleted>
                            <isSpam>false</isSpam>
                            <author><name>Per</name><isAnonymous>false</isAnonymous><username>per-hansen</username></author>
                            <thread dsq:id="7001"/>
                            <parent dsq:id="9005"/>
                          </post>
                        </disqus>""");
        int before = events("episode-90").size();

        JsonNode report = importAndWait("disqus", later);

        List<DiscussionEvent> added = events("episode-90").subList(before, events("episode-90").size());
        assertThat(added).extracting(e -> e.getClass().getSimpleName())
                .containsExactlyInAnyOrder("CommentEdited", "CommentRetracted", "ReplyPosted");
        assertThat(only(added, CommentEdited.class, id("9001")).body()).contains("i fjor, og i år.");
        assertThat(only(added, CommentRetracted.class, id("9005"))).isNotNull();
        assertThat(only(added, ReplyPosted.class, id("9100")).parentId()).isEqualTo(id("9005"));
        JsonNode counts = report.get("counts");
        assertThat(counts.get("edited").asInt()).isEqualTo(1);
        assertThat(counts.get("retracted").asInt()).isEqualTo(1);
        assertThat(counts.get("replies").asInt()).isEqualTo(1);
        assertThat(lines(report)).contains(
                "comment 9001 changed: the message changed in the source since an earlier import; recorded as an edit",
                "comment 9005 changed: deleted in the source since an earlier import; retracted");
    }

    @Test
    @Order(4)
    void filesThatCannotBeReadAreRefusedWithAProblemAndLeaveNothingBehind() throws IOException {
        long events = storedEvents();
        long runs = jdbc.queryForObject("select count(*) from import_run", Long.class);
        String disqus = fixture("disqus-export.xml");

        Response malformed = post("disqus", disqus.substring(0, disqus.length() / 2));
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.text("type")).isEqualTo("urn:commonplace:problem:unreadable-export");
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");

        Response wrongFormat = post("wordpress", disqus);
        assertThat(wrongFormat.status()).as(wrongFormat.toString()).isEqualTo(422);
        assertThat(wrongFormat.text("type")).isEqualTo("urn:commonplace:problem:wrong-export-format");

        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;"
                + "&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><disqus><thread dsq:id=\"1\">"
                + "<title>&c;</title></thread></disqus>";
        Response entityBomb = post("disqus", bomb);
        assertThat(entityBomb.status()).as(entityBomb.toString()).isEqualTo(400);
        assertThat(entityBomb.json().get("problem").asText()).isEqualTo("dtd-refused");

        String external = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<disqus><thread dsq:id=\"1\"><title>&x;</title></thread></disqus>";
        Response xxe = post("disqus", external);
        assertThat(xxe.status()).isEqualTo(400);
        assertThat(xxe.body()).doesNotContain("root:");

        Response tooLarge = post("disqus", disqus + " ".repeat(400_001));
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(tooLarge.text("detail")).contains("400000");

        Response unknownFormat = post("blogger", disqus);
        assertThat(unknownFormat.status()).isEqualTo(400);
        assertThat(unknownFormat.text("type")).isEqualTo("urn:commonplace:problem:validation-failed");

        Response json = http.call("POST", "/api/v1/admin/imports?format=disqus").token(admin)
                .json(Map.of("a", 1)).send();
        assertThat(json.status()).isEqualTo(415);

        Response notAdmin = http.call("POST", "/api/v1/admin/imports?format=disqus")
                .token(Tokens.moderator("maja", "Maja")).header("Content-Type", "application/xml").raw(disqus).send();
        assertThat(notAdmin.status()).isEqualTo(403);
        Response noToken = http.call("POST", "/api/v1/admin/imports?format=disqus")
                .header("Content-Type", "application/xml").raw(disqus).send();
        assertThat(noToken.status()).isEqualTo(401);

        assertThat(http.call("GET", "/api/v1/admin/imports/imp_AAAAAAAAAAAAAAAAAAAAAA").token(admin).send()
                .status()).isEqualTo(404);
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from import_run", Long.class)).isEqualTo(runs);
        assertThat(jdbc.queryForObject("select count(*) from import_staged_comment", Long.class)).isZero();
    }

    @Test
    @Order(5)
    void anIdListedTwiceInOneBatchOrAcrossBatchesIsImportedOnceAndEachRepeatReported() {
        StringBuilder export = new StringBuilder("<?xml version=\"1.0\"?><disqus xmlns=\"http://disqus.com\""
                + " xmlns:dsq=\"http://disqus.com/disqus-internals\"><thread dsq:id=\"t1\"><id>repeats</id>"
                + "<link>https://repeats.example.no/</link><title>Gjentak</title></thread>");
        for (int i = 0; i < 700; i++) {
            String id = i == 1 || i == 650 ? "r0" : "r" + i;
            export.append("<post dsq:id=\"").append(id).append("\"><message><![CDATA[<p>Nummer ").append(i)
                    .append("</p>]]></message><createdAt>2019-03-01T19:02:03Z</createdAt><isDeleted>false</isDeleted>"
                            + "<isSpam>false</isSpam><author><name>Per</name><isAnonymous>false</isAnonymous>"
                            + "<username>per-hansen</username></author><thread dsq:id=\"t1\"/></post>");
        }
        export.append("</disqus>");

        JsonNode report = importAndWait("disqus", export.toString());

        assertThat(report.get("counts").get("comments").asInt()).isEqualTo(698);
        assertThat(lines(report)).filteredOn(line -> line.contains("more than once"))
                .containsExactly("comment r0 skipped: the export lists this id more than once; the first is imported",
                        "comment r0 skipped: the export lists this id more than once; the first is imported");
        assertThat(only(events("repeats"), CommentPosted.class, id("r0")).body()).isEqualTo("Nummer 0");
    }

    @Test
    @Order(5)
    void aCommentNamingAPageTheExportDoesNotHaveIsReportedAndLeavesNothingStaged() {
        String post = "<post dsq:id=\"%s\"><message><![CDATA[<p>%s</p>]]></message><createdAt>2019-03-01T19:02:03Z"
                + "</createdAt><isDeleted>false</isDeleted><isSpam>%s</isSpam><author><name>Kari</name>"
                + "<isAnonymous>false</isAnonymous><username>kari</username></author><thread dsq:id=\"%s\"/></post>";
        String export = "<?xml version=\"1.0\"?><disqus xmlns=\"http://disqus.com\""
                + " xmlns:dsq=\"http://disqus.com/disqus-internals\"><thread dsq:id=\"t9\"><id>kjent-side</id>"
                + "<link>https://kjent.example.no/</link><title>Kjent side</title></thread>"
                + post.formatted("k1", "Her hører jeg til", "false", "t9")
                + post.formatted("k2", "Ingen side å stå på", "false", "t-ukjent")
                + post.formatted("k3", "Søppel uten side", "true", "t-ukjent")
                + "</disqus>";

        JsonNode report = importAndWait("disqus", export);

        assertThat(report.get("counts").get("comments").asInt()).isEqualTo(1);
        assertThat(lines(report)).contains("comment k2 skipped: names a page (thread) the export does not have")
                .noneMatch(line -> line.startsWith("comment k3 skipped: names a page"));
        assertThat(events("kjent-side")).hasSize(2);
        assertThat(jdbc.queryForObject("select count(*) from import_staged_comment", Long.class)).isZero();
    }

    @Test
    @Order(6)
    void nothingOfWhatPeopleWroteStaysInStagingAfterAnImport() {
        assertThat(jdbc.queryForObject("select count(*) from import_staged_comment", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from import_staged_topic", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from imported_item where kind = 'comment'", Long.class))
                .isEqualTo(14 + 698 + 1);
    }

    @Test
    @Order(7)
    void recordingStartsOnFreshStatisticsOfTheStagedRows() throws IOException {
        Timestamp before = jdbc.queryForObject("select now()", Timestamp.class);
        importAndWait("disqus", fixture("disqus-export.xml"));

        // last_analyze counts an explicit ANALYZE only, never autovacuum's; the statistics collector reports it late
        for (String table : List.of("import_staged_comment", "import_staged_topic")) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                    "select last_analyze from pg_stat_user_tables where relname = ? and schemaname = current_schema()",
                    Timestamp.class, table)).as(table).isNotNull().isAfter(before));
        }
    }

    private JsonNode importAndWait(String format, String export) {
        return Imports.runToEnd(http, admin, admin, format, export);
    }

    private Response post(String format, String export) {
        return http.call("POST", "/api/v1/admin/imports?format=" + format).token(admin)
                .header("Content-Type", "application/xml").raw(export).send();
    }

    private List<DiscussionEvent> events(String topicId) {
        return eventStore.readEvents(topicId, 0).asStream().map(DomainEventMessage::getPayload)
                .map(DiscussionEvent.class::cast).toList();
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    private static <T extends DiscussionEvent> T only(List<DiscussionEvent> events, Class<T> type, String commentId) {
        List<T> found = events.stream().filter(type::isInstance).map(type::cast)
                .filter(event -> commentId.equals(commentIdOf(event))).toList();
        assertThat(found).as(type.getSimpleName() + " " + commentId).hasSize(1);
        return found.get(0);
    }

    private static String commentIdOf(DiscussionEvent event) {
        if (event instanceof CommentPosted e) {
            return e.commentId();
        } else if (event instanceof ReplyPosted e) {
            return e.commentId();
        } else if (event instanceof CommentEdited e) {
            return e.commentId();
        } else if (event instanceof CommentRetracted e) {
            return e.commentId();
        }
        return null;
    }

    private static List<String> lines(JsonNode report) {
        List<String> lines = new java.util.ArrayList<>();
        for (String outcome : List.of("skipped", "changed")) {
            report.get(outcome).forEach(line -> lines.add(line.get("kind").asText() + " "
                    + line.path("sourceId").asText() + " " + outcome + ": " + line.get("reason").asText()));
        }
        return lines;
    }

    private static String id(String sourceId) {
        return ImportedIds.commentId(SourceFormat.DISQUS, "", sourceId);
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = ImportEndToEndTest.class.getResourceAsStream("/importing/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
