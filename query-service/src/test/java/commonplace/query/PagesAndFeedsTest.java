package commonplace.query;

import commonplace.query.page.WidgetAssets;
import commonplace.testing.http.Http.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget's assets (and their size budget), the pages around it, cross-origin reads and the Atom feeds, over real
 * HTTP on projected events: hostile titles, names and bodies stay text, retracted text never appears.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesAndFeedsTest extends QueryServiceTestBase {

    /** The widget's script and styles, gzipped as served, together. */
    static final int BUDGET_BYTES = 40 * 1024;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TestTopic topic = TestTopic.named("pages");
    private final String hostileTitle = "<script>alert('title')</script> “Fjellet” & co";
    private final String hostileName = "<img src=x onerror=alert(1)>";

    @BeforeAll
    void publishADiscussion() {
        topic.record(new commonplace.events.TopicOpened(topic.topicId, hostileTitle, null, null, null, "ada",
                "Ada Lovelace"));
        topic.comment("c-one-" + topic.topicId, "Første linje\n\nAndre avsnitt <b>fet</b> ]]> &amp;", "ada",
                "Ada Lovelace");
        topic.comment("c-two-" + topic.topicId, "Kontrolltegn \u0001 og \uFFFF og en lang tittel som fortsetter og "
                + "fortsetter langt forbi åtti tegn uten å ta slutt før den er ferdig", "mallory", hostileName);
        topic.comment("c-gone-" + topic.topicId, "A secret the author took back.", "bo", "Bø Ångström");
        topic.edit("c-one-" + topic.topicId, 2, "Første linje, rettet\n\nAndre avsnitt", "ada", "Ada Lovelace");
        topic.retract("c-gone-" + topic.topicId, false, "bo", "Bø Ångström");
        publish(topic.envelopes());
        awaitApplied(topic.topicId, topic.lastSequence());
    }

    @Test
    void theWidgetsScriptAndStylesStayWithinTheirGzippedBudget() throws Exception {
        long total = 0;
        for (String path : WidgetAssets.PATHS) {
            HttpResponse<byte[]> gzipped = HTTP.send(request(path).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(gzipped.statusCode()).as(path).isEqualTo(200);
            assertThat(gzipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(gzipped.headers().firstValue("ETag")).as(path).isPresent();
            HttpResponse<byte[]> plain = HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes())
                    .as(path).isEqualTo(plain.body());
            total += gzipped.body().length;
            String etag = gzipped.headers().firstValue("ETag").orElseThrow();
            assertThat(plain.headers().firstValue("ETag").orElseThrow())
                    .as("each encoding has an entity tag of its own").isNotEqualTo(etag);
            HttpResponse<byte[]> revalidated = HTTP.send(request(path).header("Accept-Encoding", "gzip")
                    .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(revalidated.statusCode()).as(path).isEqualTo(304);
        }
        System.out.printf("widget assets: %d bytes gzipped (budget %d)%n", total, BUDGET_BYTES);
        assertThat(total).isLessThan(BUDGET_BYTES);

        Response config = get("/widget/config.json");
        assertThat(config.json().get("commandUrl").asText()).isEqualTo("http://127.0.0.1:8081");
        for (String path : List.of("/widget/nothing.js", "/widget/application.yml", "/widget/WIDGET.JS",
                "/widget/" + "a".repeat(3000) + ".js")) {
            Response refused = get(path);
            assertThat(refused.status()).as(path).isBetween(400, 404);
            assertThat(refused.header("Content-Type")).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void publicReadsMayBeMadeFromAnyOriginButNothingElse() {
        Response read = call("GET", "/api/v1/topics/" + topic.topicId + "/thread")
                .header("Origin", "https://any-site.example").send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(read.header("Access-Control-Expose-Headers")).contains("ETag");
        assertThat(read.header("Access-Control-Allow-Credentials")).isNull();

        Response preflight = call("OPTIONS", "/api/v1/topics/" + topic.topicId + "/stream")
                .header("Origin", "https://any-site.example").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "last-event-id").send();
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("last-event-id");

        Response write = call("OPTIONS", "/api/v1/admin/projections/rebuild")
                .header("Origin", "https://any-site.example").header("Access-Control-Request-Method", "POST").send();
        assertThat(write.status()).isEqualTo(403);
    }

    @Test
    void theTopicPageEscapesWhatPeopleWroteAndLinksItsFeed() {
        Response page = call("GET", "/t/" + topic.topicId).header("Accept-Language", "nb-NO,nb;q=0.9,en;q=0.5").send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").contains("default-src 'none'");
        assertThat(page.body()).contains("<html lang=\"nb\">")
                .contains("<h1>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; “Fjellet” &amp; co</h1>")
                .doesNotContain("<script>alert")
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\"")
                .contains("href=\"/api/v1/topics/" + topic.topicId + "/feed.atom\"")
                .contains("<div data-commonplace-topic=\"" + topic.topicId + "\"></div>")
                .contains("<script src=\"/embed.js\" async></script>");

        Response index = get("/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("<a href=\"/t/" + topic.topicId + "\">&lt;script&gt;")
                .doesNotContain("<script>alert");

        Response unknown = get("/t/no-such-topic-" + topic.topicId);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(get("/t/%3Cscript%3E").status()).isEqualTo(400);
        assertThat(call("GET", "/").header("Accept-Language", "x".repeat(5000) + ";q=oops").send().status())
                .isEqualTo(200);
    }

    @Test
    void theTopicFeedIsAtomWithTextContentAndNoRetractedText() throws Exception {
        Response feed = get("/api/v1/topics/" + topic.topicId + "/feed.atom");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("application/atom+xml");
        Document atom = parse(feed.body());
        Element root = atom.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(text(root, "title")).isEqualTo(hostileTitle);
        assertThat(text(root, "id")).isEqualTo("urn:commonplace:topic:" + topic.topicId);

        List<Element> entries = entries(atom);
        assertThat(entries).hasSize(3);
        // newest change first: the retraction, then the edit, then the second comment
        assertThat(text(entries.get(0), "title")).isEqualTo("Retracted comment");
        assertThat(text(entries.get(1), "content")).isEqualTo("Første linje, rettet\n\nAndre avsnitt");
        assertThat(text(entries.get(1), "title")).isEqualTo("Første linje, rettet");
        assertThat(text(entries.get(2), "content")).contains("Kontrolltegn \uFFFD og \uFFFD og");
        assertThat(text(entries.get(2), "title")).endsWith("…").hasSizeLessThanOrEqualTo(81);
        assertThat(text(entries.get(2), "name")).isEqualTo(hostileName);
        for (Element entry : entries) {
            Element content = (Element) entry.getElementsByTagNameNS("*", "content").item(0);
            assertThat(content.getAttribute("type")).isEqualTo("text");
            assertThat(((Element) entry.getElementsByTagNameNS("*", "link").item(0)).getAttribute("href"))
                    .startsWith("http://127.0.0.1:" + port + "/t/" + topic.topicId + "#comment-");
        }
        assertThat(feed.body()).doesNotContain("A secret the author took back");
    }

    @Test
    void theAuthorFeedListsTheirCommentsAndUnknownAuthorsAreProblems() throws Exception {
        Document atom = parse(get("/api/v1/authors/mallory/feed.atom").body());
        assertThat(text(atom.getDocumentElement(), "title")).isEqualTo("Comments by " + hostileName);
        assertThat(entries(atom)).hasSize(1);

        Response bo = get("/api/v1/authors/bo/feed.atom");
        assertThat(bo.body()).doesNotContain("A secret the author took back").contains("Retracted comment");

        Response unknown = get("/api/v1/authors/nobody-" + topic.topicId.substring(6) + "/feed.atom");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(get("/api/v1/authors/" + "%3C" + "/feed.atom").status()).isEqualTo(400);
        assertThat(get("/api/v1/topics/" + "x".repeat(200) + "/feed.atom").status()).isEqualTo(400);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> entries(Document atom) {
        NodeList nodes = atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        List<Element> entries = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            entries.add((Element) nodes.item(i));
        }
        return entries;
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name).item(0).getTextContent();
    }
}
