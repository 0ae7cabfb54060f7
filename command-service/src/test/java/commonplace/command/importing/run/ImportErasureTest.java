package commonplace.command.importing.run;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.command.importing.mapping.PlannedComment;
import commonplace.command.support.Imports;
import commonplace.command.support.Tokens;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.http.Http;
import commonplace.testing.http.Http.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An erasure reaches the import tables: staged comments of a run not recorded yet lose text and name, recorded items
 * lose the digest of the author's text (and a re-run still records nothing), a run started by the author forgets the
 * name; nothing of theirs is left in any import table, read with plain SQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET,
        "commonplace.rate-limit.per-minute=0",
        "commonplace.import.secret=" + ImportEndToEndTest.IMPORT_SECRET})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportErasureTest {

    private static final IsolatedInfrastructure INFRA = IsolatedInfrastructure.forTestClass(ImportErasureTest.class);
    private static final String PHRASE = "Hemmelig tyttebærfrase";
    private static final String NAME = "Kari Hemmeligsen";
    private static final String AUTHOR = "disqus.kari-hemmelig";
    private static final String IMPORTER_NAME = "Importerende Ingrid";

    private final String admin = Tokens.admin("site-admin", "Site Admin");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ImportRuns runs;

    private Http http;

    @BeforeAll
    void connect() {
        http = new Http(port);
    }

    @Test
    void anErasedAuthorsTextNameAndDigestsLeaveEveryImportTable() {
        String importer = Tokens.admin("ingrid", IMPORTER_NAME);
        JsonNode first = importAndWait(importer, export());
        assertThat(first.get("counts").get("comments").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from imported_item where author_id = ? and body_hash"
                + " is not null", Long.class, AUTHOR)).isEqualTo(1);
        String otherHash = otherHash();
        // a run whose staged rows are not recorded yet (written through the staging code, as an import reads)
        runs.create("imp_stagedButNotRecorded0", "disqus", "", "site-admin", "Site Admin");
        StagingSink sink = new StagingSink(jdbc, runs, "imp_stagedButNotRecorded0");
        sink.comment(new PlannedComment("cmt_staged", "s-1", "t-1", null, null, AUTHOR, NAME, Instant.now(),
                PHRASE + " igjen", PlannedComment.Action.POST, null, List.of()));
        sink.comment(new PlannedComment("cmt_other", "s-2", "t-1", null, null, "disqus.per", "Per",
                Instant.now(), "Per sin tekst", PlannedComment.Action.POST, null, List.of()));
        sink.finish();
        assertThat(dumpOfImportTables()).contains(PHRASE, NAME, IMPORTER_NAME);

        erase(AUTHOR);
        erase("ingrid");

        String dump = dumpOfImportTables();
        assertThat(dump).doesNotContain(PHRASE, NAME, IMPORTER_NAME).contains("Per sin tekst", "Per");
        assertThat(jdbc.queryForObject("select count(*) from imported_item where author_id = ? and body_hash"
                + " is null", Long.class, AUTHOR)).as("the row and its keys stay").isEqualTo(1);
        assertThat(otherHash()).as("another author's digest stays").isEqualTo(otherHash);
        assertThat(jdbc.queryForObject("select action from import_staged_comment where source_id = 's-1'",
                String.class)).isEqualTo("skip");

        // the AuthorErased events are appended in the background; count once they are
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from erasure where completed_at is null", Long.class) == 0);
        long events = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
        JsonNode again = importAndWait(admin, export());
        assertThat(again.get("state").asText()).isEqualTo("completed");
        assertThat(again.get("counts").get("alreadyThere").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from domainevententry", Long.class)).isEqualTo(events);
        assertThat(dumpOfImportTables()).doesNotContain(PHRASE, NAME);
    }

    private String otherHash() {
        return jdbc.queryForObject("select body_hash from imported_item where author_id = 'disqus.per-hansen'",
                String.class);
    }

    /** Every value of every import table as text. */
    private String dumpOfImportTables() {
        StringBuilder dump = new StringBuilder();
        for (String table : List.of("import_run", "import_report_line", "import_staged_topic",
                "import_staged_comment", "imported_item")) {
            jdbc.queryForList("select t::text as row from " + table + " t", String.class).forEach(dump::append);
        }
        return dump.toString();
    }

    private void erase(String authorId) {
        Response erased = http.call("POST", "/api/v1/authors/" + authorId + "/erasure").token(admin).send();
        assertThat(erased.status()).as(erased.toString()).isEqualTo(202);
    }

    private JsonNode importAndWait(String token, String export) {
        return Imports.runToEnd(http, token, admin, "disqus", export);
    }

    private static String export() {
        return "<?xml version=\"1.0\"?><disqus xmlns=\"http://disqus.com\""
                + " xmlns:dsq=\"http://disqus.com/disqus-internals\"><thread dsq:id=\"t1\"><id>erased-import</id>"
                + "<link>https://erased.example.no/</link><title>Slettet</title></thread>"
                + post("e1", PHRASE, NAME, "kari-hemmelig") + post("e2", "Per sin tekst", "Per", "per-hansen")
                + "</disqus>";
    }

    private static String post(String id, String text, String name, String username) {
        return "<post dsq:id=\"" + id + "\"><message><![CDATA[<p>" + text + "</p>]]></message>"
                + "<createdAt>2019-03-01T19:02:03Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>"
                + "<author><name>" + name + "</name><isAnonymous>false</isAnonymous><username>" + username
                + "</username></author><thread dsq:id=\"t1\"/></post>";
    }

}
