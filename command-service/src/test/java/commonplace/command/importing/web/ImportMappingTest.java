package commonplace.command.importing.web;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.command.support.Imports;
import commonplace.command.support.Tokens;
import commonplace.events.DiscussionEvent;
import commonplace.events.TopicOpened;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.http.Http;
import commonplace.testing.http.Http.Response;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored mapping file on a real PostgreSQL and Kafka, through the admin API: stored and given back byte for byte,
 * replaced, removed; an import of its format and site goes by it; and every file or request that is not one is
 * refused with a problem and nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET,
        "commonplace.rate-limit.per-minute=0",
        "commonplace.import.secret=" + ImportMappingTest.IMPORT_SECRET,
        "commonplace.import.mapping-max-bytes=" + ImportMappingTest.MAX_BYTES})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportMappingTest {

    static final String IMPORT_SECRET = "import-secret-for-mapping-tests-0123456789ab";
    static final int MAX_BYTES = 1_000_000;
    private static final IsolatedInfrastructure INFRA = IsolatedInfrastructure.forTestClass(ImportMappingTest.class);
    private static final String MAPPINGS = "/api/v1/admin/import-mappings/";
    private static final String NORWEGIAN = """
            # Fjellpodden: egne emne-id-er, æøå ÆØÅ
            episode-90,fjelltur-90
            https://fjellpodden.example.no/episoder/91-Ærlig-talt/,aerlig-talt-91
            """;

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
    private final HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    void connect() {
        http = new Http(port);
    }

    @Test
    @Order(1)
    void aMappingIsStoredGivenBackByteForByteReplacedAndRemoved() throws Exception {
        assertThat(http.get(MAPPINGS + "wordpress", admin).status()).isEqualTo(404);
        byte[] sent = NORWEGIAN.getBytes(StandardCharsets.UTF_8);
        Response created = put("wordpress?site=blogg2", "text/csv", sent);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("bytes").asInt()).isEqualTo(sent.length);

        HttpResponse<byte[]> stored = getBytes("wordpress?site=blogg2");
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(stored.body()).isEqualTo(sent);
        // another site of the same format has a mapping of its own
        assertThat(http.get(MAPPINGS + "wordpress", admin).status()).isEqualTo(404);

        byte[] replacement = "# Ærlig talt\nøvre-dal,ovre-dal\n".getBytes(StandardCharsets.UTF_8);
        Response replaced = put("wordpress?site=blogg2", "text/csv; charset=UTF-8", replacement);
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(getBytes("wordpress?site=blogg2").body()).isEqualTo(replacement);

        assertThat(http.delete(MAPPINGS + "wordpress?site=blogg2", admin).status()).isEqualTo(204);
        assertThat(http.get(MAPPINGS + "wordpress?site=blogg2", admin).status()).isEqualTo(404);
        Response again = http.delete(MAPPINGS + "wordpress?site=blogg2", admin);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    @Order(2)
    void anImportOfThatFormatGoesByTheStoredMapping() throws IOException {
        assertThat(put("disqus", "text/csv", NORWEGIAN.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);

        JsonNode report = Imports.runToEnd(http, admin, admin, "disqus", fixture("disqus-export.xml"));
        assertThat(report.get("state").asText()).isEqualTo("completed");
        assertThat(report.at("/counts/topics").asInt()).isEqualTo(3);

        assertThat(opened("fjelltur-90").imported().sourceId()).isEqualTo("7001");
        assertThat(opened("aerlig-talt-91").title()).contains("91");
        // the ids the rules would have derived are not used
        assertThat(eventStore.readEvents("episode-90", 0).asStream()).isEmpty();
        assertThat(eventStore.readEvents("episoder-91-aerlig-talt", 0).asStream()).isEmpty();
    }

    @Test
    @Order(3)
    void aFileThatIsNoMappingIsRefusedNamingItsLineAndNothingIsStored() {
        Response invalid = put("wordpress", "text/csv", "# fine\nhttps://a.example/,ok\nno comma here\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.text("type")).isEqualTo("urn:commonplace:problem:invalid-mapping");
        assertThat(invalid.text("detail")).contains("line 3");

        Response badTopicId = put("wordpress", "text/csv", "side,ikke en id\n".getBytes(StandardCharsets.UTF_8));
        assertThat(badTopicId.text("type")).isEqualTo("urn:commonplace:problem:invalid-mapping");
        assertThat(badTopicId.text("detail")).contains("line 1");

        byte[] latin1 = "blåbær,blabaer\n".getBytes(StandardCharsets.ISO_8859_1);
        Response notUtf8 = put("wordpress", "text/csv", latin1);
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(notUtf8.text("type")).isEqualTo("urn:commonplace:problem:invalid-mapping");
        assertThat(notUtf8.text("detail")).contains("UTF-8");

        Response tooManyLines = put("wordpress", "text/csv", "a,b\n".repeat(100_001)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(tooManyLines.status()).as(tooManyLines.toString()).isEqualTo(400);
        assertThat(tooManyLines.text("type")).isEqualTo("urn:commonplace:problem:invalid-mapping");
        assertThat(tooManyLines.text("detail")).contains("line 100001");

        assertThat(http.get(MAPPINGS + "wordpress", admin).status()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void hostileRequestsAreProblemsAndStoreNothing() {
        Response tooLarge = put("wordpress", "text/csv", ("# " + "x".repeat(MAX_BYTES)).getBytes(
                StandardCharsets.UTF_8));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.text("type")).isEqualTo("urn:commonplace:problem:payload-too-large");
        // the same without a declared length: refused as soon as reading passes the limit
        Response chunked = http.call("PUT", MAPPINGS + "wordpress").token(admin).header("Content-Type", "text/csv")
                .publisher(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        ("# " + "x".repeat(MAX_BYTES)).getBytes(StandardCharsets.UTF_8)))).send();
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.text("type")).isEqualTo("urn:commonplace:problem:payload-too-large");

        Response wrongType = put("wordpress", "application/json", "{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.text("type")).isEqualTo("urn:commonplace:problem:unsupported-media-type");
        Response otherCharset = put("wordpress", "text/csv; charset=ISO-8859-1", "a,b\n".getBytes(
                StandardCharsets.ISO_8859_1));
        assertThat(otherCharset.status()).isEqualTo(415);

        Response unknownFormat = put("blogger", "text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8));
        assertThat(unknownFormat.status()).isEqualTo(400);
        assertThat(unknownFormat.text("type")).isEqualTo("urn:commonplace:problem:validation-failed");
        assertThat(http.get(MAPPINGS + "blogger", admin).status()).isEqualTo(400);
        assertThat(put("DISQUS", "text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        Response badSite = put("wordpress?site=no%20spaces", "text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8));
        assertThat(badSite.status()).isEqualTo(400);

        byte[] fine = "a,b\n".getBytes(StandardCharsets.UTF_8);
        Response nonAdmin = http.call("PUT", MAPPINGS + "wordpress").token(Tokens.moderator("mod", "Moderator"))
                .header("Content-Type", "text/csv").publisher(HttpRequest.BodyPublishers.ofByteArray(fine)).send();
        assertThat(nonAdmin.status()).isEqualTo(403);
        assertThat(nonAdmin.text("type")).isEqualTo("urn:commonplace:problem:forbidden");
        assertThat(http.get(MAPPINGS + "disqus", Tokens.author("kari", "Kari")).status()).isEqualTo(403);
        Response noToken = http.call("PUT", MAPPINGS + "wordpress").header("Content-Type", "text/csv")
                .publisher(HttpRequest.BodyPublishers.ofByteArray(fine)).send();
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.text("type")).isEqualTo("urn:commonplace:problem:unauthorized");
        assertThat(http.get(MAPPINGS + "disqus").status()).isEqualTo(401);
        assertThat(http.call("DELETE", MAPPINGS + "disqus").send().status()).isEqualTo(401);

        assertThat(http.get(MAPPINGS + "wordpress", admin).status()).isEqualTo(404);
        // the disqus mapping of the import above is untouched by all of it
        assertThat(http.get(MAPPINGS + "disqus", admin).status()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void aStoredFileTheReaderNoLongerTakesRefusesTheImportAndKeepsNothing() throws IOException {
        // as if stored under laxer rules: the store itself takes no such file
        jdbc.update("insert into import_mapping (format, site, content, updated_by) values (?, ?, ?, ?)",
                "wordpress", "gammel", "ingen komma her\n".getBytes(StandardCharsets.UTF_8), "site-admin");
        Response refused = http.call("POST", "/api/v1/admin/imports?format=wordpress&site=gammel").token(admin)
                .header("Content-Type", "application/xml").raw(fixture("wordpress-export.xml")).send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("type")).isEqualTo("urn:commonplace:problem:invalid-mapping");
        assertThat(refused.text("detail")).contains("line 1");
        assertThat(jdbc.queryForObject("select count(*) from import_run where site = 'gammel'", Integer.class))
                .isZero();
    }

    private Response put(String formatAndQuery, String contentType, byte[] body) {
        return http.call("PUT", MAPPINGS + formatAndQuery).token(admin).header("Content-Type", contentType)
                .publisher(HttpRequest.BodyPublishers.ofByteArray(body)).send();
    }

    private HttpResponse<byte[]> getBytes(String formatAndQuery) throws Exception {
        return raw.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + MAPPINGS + formatAndQuery))
                .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private TopicOpened opened(String topicId) {
        List<DiscussionEvent> events = eventStore.readEvents(topicId, 0).asStream()
                .map(DomainEventMessage::getPayload).map(DiscussionEvent.class::cast).toList();
        assertThat(events).as(topicId).isNotEmpty();
        return (TopicOpened) events.get(0);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ImportMappingTest.class.getResourceAsStream("/importing/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
