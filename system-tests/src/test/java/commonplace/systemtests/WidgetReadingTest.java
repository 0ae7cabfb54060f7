package commonplace.systemtests;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.sun.net.httpserver.HttpServer;
import commonplace.local.demo.DemoDiscussion;
import commonplace.local.infra.FreePorts;
import commonplace.testing.http.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo discussion as readers see it in Chromium: the thread nested and in Norwegian, links as chips, the edit
 * history on click, the retracted comment as a placeholder, the replay slider, the Atom feeds, and the widget embedded
 * in a page of another origin whose styles cannot reach it.
 */
class WidgetReadingTest extends StackTest {

    private static final Path SCREENSHOT = Path.of("target", "screenshots", "episode-90.png");

    private Browser browser;
    private HttpServer otherOrigin;

    @BeforeAll
    void seedAndOpenABrowser() throws Exception {
        assertThat(new DemoDiscussion(stack.command.baseUrl(), stack.query.baseUrl(), RunningStack.JWT_SECRET).seed())
                .as("the topic is new, so the discussion is written").isTrue();
        PlaywrightAssertions.setDefaultAssertionTimeout(Browser.DEADLINE_MILLIS);
        browser = Browser.start();
    }

    @AfterAll
    void closeBrowser() {
        if (otherOrigin != null) {
            otherOrigin.stop(0);
        }
        if (browser != null) {
            browser.close();
        }
    }

    private Page openTopicPage(BrowserContext context) {
        Page page = context.newPage();
        page.navigate(stack.query.baseUrl() + "/t/" + DemoDiscussion.TOPIC);
        assertThat(page.locator("article.comment").first()).isVisible();
        return page;
    }

    @Test
    void theDiscussionIsNestedNorwegianAndLinked() throws IOException {
        try (BrowserContext context = browser.context("nb-NO")) {
            Page page = openTopicPage(context);
            assertThat(page.locator("h1")).hasText(DemoDiscussion.TITLE);
            assertThat(page.locator(".cp h2")).containsText("Diskusjon · 11 kommentarer");
            Locator longPost = page.locator("article.comment", new Page.LocatorOptions().setHasText("Åkneset"));
            assertThat(longPost.locator(".author")).hasText("Ingrid Ødegård");
            assertThat(longPost.locator(".body p")).hasCount(3);
            assertThat(longPost.locator("a.chip")).hasText("insar.ngu.no");
            assertThat(longPost.locator("a.chip")).hasAttribute("href", "https://insar.ngu.no/");
            assertThat(longPost.locator("time")).hasAttribute("datetime",
                    java.util.regex.Pattern.compile("\\d{4}-\\d\\d-\\d\\dT.*Z"));
            assertThat(longPost.locator("time")).hasAttribute("title", java.util.regex.Pattern.compile("\\d{4}"));
            assertThat(page.locator("a.chip", new Page.LocatorOptions().setHasText("en.wikipedia.org"))).isVisible();

            // the reply chain is seven deep: five levels nest, the sixth and seventh are listed at the fifth
            assertThat(page.locator("ol.thread > li > ol.replies > li > ol.replies > li > ol.replies > li > ol.replies"
                    + " > li > ol.replies > li[data-depth='5']")).hasCount(2);
            Locator deepest = page.locator("article.comment", new Page.LocatorOptions().setHasText("forsiden av hver"));
            assertThat(deepest.locator(".context")).hasText("↪ svar til Marcus Chen");

            Locator retracted = page.locator("article.comment.retracted");
            assertThat(retracted).hasCount(1);
            assertThat(retracted).containsText("Denne kommentaren er trukket tilbake.");
            assertThat(page.locator(".cp")).not().containsText("altfor lang");
            assertThat(page.locator("article.comment", new Page.LocatorOptions().setHasText("long format")))
                    .isVisible();
            assertThat(page.locator("article.comment", new Page.LocatorOptions().setHasText("“a few centimetres"))
                    .locator("a.chip")).hasText("www.yr.no");

            assertThat(page.locator("link[rel=alternate][type='application/atom+xml']"))
                    .hasAttribute("href", "/api/v1/topics/" + DemoDiscussion.TOPIC + "/feed.atom");
            Files.createDirectories(SCREENSHOT.getParent());
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOT).setFullPage(true));
        }
    }

    @Test
    void anEditedCommentOpensItsHistory() {
        try (BrowserContext context = browser.context("nb-NO")) {
            Page page = openTopicPage(context);
            Locator edited = page.locator("article.comment", new Page.LocatorOptions().setHasText("Tafjord-ulykka"));
            assertThat(edited.locator(".body")).containsText("Rettelse:");
            Locator toggle = edited.locator("button.edited");
            assertThat(toggle).hasText("redigert");
            assertThat(toggle).hasAttribute("aria-expanded", "false");
            toggle.click();
            assertThat(toggle).hasAttribute("aria-expanded", "true");
            Locator revisions = edited.locator(".history li");
            assertThat(revisions).hasCount(2);
            assertThat(revisions.nth(0)).containsText("Versjon 1");
            assertThat(revisions.nth(0)).not().containsText("Rettelse");
            assertThat(revisions.nth(1)).containsText("Versjon 2");
            assertThat(revisions.nth(1)).containsText("Rettelse: dere nevnte den");
        }
    }

    @Test
    void theReplaySliderShowsTheDiscussionAsItWasAndPlaysItForward() {
        try (BrowserContext context = browser.context("en-GB")) {
            Page page = openTopicPage(context);
            assertThat(page.locator("article.comment", new Page.LocatorOptions().setHasText("Marcus"))
                    .first()).isVisible();
            page.locator("button.replay-toggle").click();
            Locator slider = page.locator(".replay input[type=range]");
            assertThat(slider).isEnabled();
            assertThat(slider).isFocused();
            // the topic's first events: opened, the long post, its link; then the first reply
            slider.press("Home");
            slider.press("ArrowRight");
            assertThat(page.locator(".replay .where")).containsText("Event 2 of");
            assertThat(page.locator("article.comment")).hasCount(1);
            assertThat(page.locator("article.comment")).containsText("Åkneset");
            assertThat(page.locator(".cp")).not().containsText("Great episode");
            assertThat(page.locator("article.comment footer.actions")).hasCount(0);

            page.locator(".replay button.play").click();
            assertThat(page.locator("article.comment", new Page.LocatorOptions().setHasText("Great episode")))
                    .isVisible();
            page.locator(".replay button.play").click();

            page.locator(".replay button", new Page.LocatorOptions().setHasText("Back to now")).click();
            assertThat(page.locator(".replay")).hasCount(0);
            assertThat(page.locator("article.comment")).hasCount(12);
        }
    }

    @Test
    void theFeedsAreAtomAndCarryNoRetractedText() throws Exception {
        SyndFeed topic = atom("/topics/" + DemoDiscussion.TOPIC + "/feed.atom");
        assertThat(topic.getFeedType()).isEqualTo("atom_1.0");
        assertThat(topic.getTitle()).isEqualTo(DemoDiscussion.TITLE);
        assertThat(topic.getUri()).isEqualTo("urn:commonplace:topic:" + DemoDiscussion.TOPIC);
        List<SyndEntry> entries = topic.getEntries();
        assertThat(entries).hasSize(12);
        SyndEntry newest = entries.get(0);
        assertThat(newest.getAuthor()).isEqualTo("Marcus Chen");
        assertThat(newest.getContents().get(0).getType()).isEqualTo("text");
        assertThat(newest.getContents().get(0).getValue()).contains("“a few centimetres a day”");
        assertThat(newest.getLink()).startsWith(stack.query.baseUrl() + "/t/" + DemoDiscussion.TOPIC + "#comment-");
        assertThat(entries).extracting(SyndEntry::getTitle).contains("Retracted comment");
        assertThat(entries).allSatisfy(entry -> assertThat(entry.getContents().get(0).getValue())
                .doesNotContain("altfor lang"));

        SyndFeed ola = atom("/authors/ola/feed.atom");
        assertThat(ola.getTitle()).isEqualTo("Comments by Ola «Fjellgeit» Nordmann");
        assertThat(ola.getEntries()).hasSize(2);
        assertThat(ola.getEntries()).extracting(entry -> entry.getContents().get(0).getValue())
                .anySatisfy(text -> assertThat(text).contains("Rettelse:"));

        Http.Response unknown = api.read("/topics/no-such-topic/feed.atom");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    private SyndFeed atom(String path) throws Exception {
        Http.Response response = api.read(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/atom+xml");
        return new SyndFeedInput().build(new StringReader(response.body()));
    }

    @Test
    void theEmbedWorksOnAPageOfAnotherOriginWhoseStylesCannotReachIt() throws IOException {
        String host = """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
                <style>p { display: none !important; } article, button { color: red !important; }</style></head>
                <body><h1>A site that embeds the discussion</h1>
                <div id="comments" data-commonplace-topic="%s"></div>
                <script src="%s/embed.js" async></script></body></html>
                """.formatted(DemoDiscussion.TOPIC, stack.query.baseUrl());
        otherOrigin = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.find()), 0);
        otherOrigin.createContext("/", exchange -> {
            byte[] page = host.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        otherOrigin.start();
        try (BrowserContext context = browser.context("en-US")) {
            Page page = context.newPage();
            page.navigate("http://127.0.0.1:" + otherOrigin.getAddress().getPort() + "/");
            Locator longPost = page.locator("article.comment", new Page.LocatorOptions().setHasText("Åkneset"));
            assertThat(longPost.locator(".body p").first()).isVisible();
            assertThat(page.locator(".cp h2")).containsText("Discussion · 11 comments");
            assertThat(page.locator(".notice")).hasText("Sign in on this site to take part.");
            assertThat(page.locator("article.comment footer.actions")).hasCount(0);
            Object lightDomArticles = page.evaluate("() => document.querySelectorAll('article').length");
            assertThat(lightDomArticles).isEqualTo(0);
            Object color = page.evaluate("() => getComputedStyle(document.querySelector('#comments').shadowRoot"
                    + ".querySelector('.author')).color");
            assertThat(color).isNotEqualTo("rgb(255, 0, 0)");
        }
    }
}
