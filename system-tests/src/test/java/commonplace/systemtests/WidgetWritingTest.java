package commonplace.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Writing through the widget in Chromium, signed in by the page with {@code commonplace.signIn(token)}: post, reply,
 * a second browser seeing it live, edit with history, a stale edit explained, retract, and hostile text that must
 * stay text. Each test has a topic of its own.
 */
class WidgetWritingTest extends StackTest {

    private Browser browser;
    private String ada;

    @BeforeAll
    void openABrowser() {
        PlaywrightAssertions.setDefaultAssertionTimeout(Browser.DEADLINE_MILLIS);
        browser = Browser.start();
        ada = api.token("ada", "Ada Lovelace");
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private String newTopic(String title) {
        String topicId = "writing-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.openTopic(ada, topicId, title, null).status()).isEqualTo(201);
        // the page exists once the query service has projected the topic
        await().atMost(Duration.ofSeconds(60)).until(() -> api.read("/topics/" + topicId).status() == 200);
        return topicId;
    }

    private Page signedIn(BrowserContext context, String topicId, String token) {
        Page page = context.newPage();
        page.navigate(stack.query.baseUrl() + "/t/" + topicId);
        assertThat(page.locator(".notice")).hasText("Sign in on this site to take part.");
        page.evaluate("token => commonplace.signIn(token)", token);
        assertThat(page.locator("form.composer textarea")).isVisible();
        return page;
    }

    private static Locator comment(Page page, String text) {
        return page.locator("article.comment", new Page.LocatorOptions().setHasText(text));
    }

    @Test
    void postAndReplyAppearAtOnceAndADoubleClickPostsOnce() {
        String topicId = newTopic("Writing");
        try (BrowserContext context = browser.context("en-GB")) {
            Page page = signedIn(context, topicId, ada);
            assertThat(page.locator(".notice")).hasText("Signed in as Ada Lovelace");
            page.getByLabel("Your comment").fill("Første kommentar – med “sitat” og https://example.org/notes");
            page.locator(".new-comment button[type=submit]").dblclick();
            Locator first = comment(page, "Første kommentar");
            assertThat(first).isFocused();
            assertThat(first.locator("a.chip")).hasText("example.org");
            assertThat(page.getByLabel("Your comment")).isEmpty();

            first.locator("footer.actions button", new Locator.LocatorOptions().setHasText("Reply")).click();
            Locator replyBox = page.getByLabel("Your reply to Ada Lovelace");
            assertThat(replyBox).isFocused();
            replyBox.fill("Et svar på meg selv.");
            page.locator(".slot button[type=submit]").click();
            assertThat(page.locator("ol.replies article.comment")).containsText("Et svar på meg selv.");
            assertThat(page.locator(".cp h2")).containsText("2 comments");
        }
        JsonNode roots = api.read("/topics/" + topicId + "/thread").json().get("items");
        assertThat(roots).as("the double click posted once").hasSize(1);
        assertThat(roots.get(0).get("replies")).hasSize(1);
    }

    @Test
    void aSecondBrowserSeesNewCommentsAndEditsLive() {
        String topicId = newTopic("Live");
        try (BrowserContext writer = browser.context("en-GB"); BrowserContext reader = browser.context("nb-NO")) {
            Page readerPage = reader.newPage();
            readerPage.navigate(stack.query.baseUrl() + "/t/" + topicId);
            assertThat(readerPage.locator(".status")).hasText("Ingen kommentarer ennå.");
            assertThat(readerPage.locator(".live-state")).hasText("Direkte");

            Page writerPage = signedIn(writer, topicId, ada);
            writerPage.getByLabel("Your comment").fill("Hei fra den andre nettleseren!");
            writerPage.locator(".new-comment button[type=submit]").click();
            assertThat(comment(writerPage, "Hei fra den andre")).isVisible();

            assertThat(comment(readerPage, "Hei fra den andre nettleseren!")).isVisible();
            assertThat(readerPage.locator("[aria-live=polite]")).hasText("Ny kommentar fra Ada Lovelace");

            String bo = api.token("bo", "Bø Ångström");
            String commentId = api.read("/topics/" + topicId + "/thread").json().get("items").get(0)
                    .get("commentId").asText();
            assertThat(api.reply(bo, commentId, "Og et svar via API-et.").status()).isEqualTo(201);
            assertThat(readerPage.locator("ol.replies article.comment")).containsText("Og et svar via API-et.");
            assertThat(api.edit(ada, commentId, "Hei fra den andre nettleseren! (rettet)", 1).status())
                    .isEqualTo(200);
            assertThat(comment(readerPage, "(rettet)").locator("button.edited")).hasText("redigert");
            assertThat(readerPage.locator(".cp h2")).containsText("2 kommentarer");
        }
    }

    @Test
    void editingShowsTheHistoryAndAStaleEditIsExplained() {
        String topicId = newTopic("Editing");
        try (BrowserContext context = browser.context("en-GB")) {
            Page page = signedIn(context, topicId, ada);
            page.getByLabel("Your comment").fill("Revision one.");
            page.locator(".new-comment button[type=submit]").click();
            Locator mine = comment(page, "Revision one.");
            mine.locator("footer.actions button", new Locator.LocatorOptions().setHasText("Edit")).click();
            Locator editor = page.getByLabel("Edit your comment");
            assertThat(editor).hasValue("Revision one.");
            editor.fill("Revision two.");
            page.locator(".slot button[type=submit]").click();
            Locator edited = comment(page, "Revision two.");
            edited.locator("button.edited").click();
            assertThat(edited.locator(".history li")).hasCount(2);
            assertThat(edited.locator(".history li").nth(0)).containsText("Revision one.");

            // someone (the same author elsewhere) edits meanwhile: this form's revision is stale
            edited.locator("footer.actions button", new Locator.LocatorOptions().setHasText("Edit")).click();
            page.getByLabel("Edit your comment").fill("My revision, written from an old copy.");
            String commentId = api.read("/topics/" + topicId + "/thread").json().get("items").get(0)
                    .get("commentId").asText();
            assertThat(api.edit(ada, commentId, "Revision three, from another tab.", 2).status()).isEqualTo(200);
            page.locator(".slot button[type=submit]").click();
            Locator error = page.locator(".slot .error");
            assertThat(error).containsText("it is now at revision 3");
            error.locator("button", new Locator.LocatorOptions().setHasText("Reload the comment")).click();
            assertThat(comment(page, "Revision three, from another tab.")).isVisible();
            assertThat(page.getByLabel("Edit your comment")).hasValue("My revision, written from an old copy.");
            page.locator(".slot button[type=submit]").click();
            assertThat(comment(page, "My revision, written from an old copy.")).isVisible();
        }
        assertThat(api.read("/topics/" + topicId + "/thread").json().get("items").get(0).get("revision").asInt())
                .isEqualTo(4);
    }

    @Test
    void retractingLeavesAPlaceholder() {
        String topicId = newTopic("Retracting");
        try (BrowserContext context = browser.context("en-GB")) {
            Page page = signedIn(context, topicId, ada);
            page.getByLabel("Your comment").fill("Something I will regret.");
            page.locator(".new-comment button[type=submit]").click();
            Locator mine = comment(page, "Something I will regret.");
            mine.locator("footer.actions button", new Locator.LocatorOptions().setHasText("Retract")).click();
            Locator confirm = page.locator(".confirm button.danger");
            assertThat(confirm).isFocused();
            confirm.click();
            assertThat(page.locator("article.comment.retracted")).containsText("This comment was retracted.");
            assertThat(page.locator(".cp")).not().containsText("Something I will regret.");

            Page fresh = context.newPage();
            fresh.navigate(stack.query.baseUrl() + "/t/" + topicId);
            assertThat(fresh.locator("article.comment.retracted")).hasCount(1);
            assertThat(fresh.locator(".cp")).not().containsText("Something I will regret.");
        }
    }

    @Test
    void hostileBodiesAndNamesAreShownAsTextAndNothingRuns() {
        String topicId = newTopic("<b>Hostile</b> title");
        String body = "<img src=x onerror=\"window.__pwned='body';alert(1)\"><script>window.__pwned='script'</script>";
        String name = "<img src=x onerror=\"window.__pwned='name'\">";
        String mallory = api.token("mallory", name);
        assertThat(api.postComment(mallory, topicId, body).status()).isEqualTo(201);
        List<String> dialogs = new ArrayList<>();
        try (BrowserContext context = browser.context("en-GB")) {
            Page page = context.newPage();
            page.onDialog(dialog -> {
                dialogs.add(dialog.message());
                dialog.dismiss();
            });
            page.navigate(stack.query.baseUrl() + "/t/" + topicId);
            assertThat(page.locator("h1")).hasText("<b>Hostile</b> title");
            Locator posted = page.locator("article.comment");
            assertThat(posted.locator(".body")).hasText(body);
            assertThat(posted.locator(".author")).hasText(name);

            page.evaluate("token => commonplace.signIn(token)", mallory);
            page.getByLabel("Your comment").fill("<svg onload=\"window.__pwned='form'\"></svg> and <b>bold</b>");
            page.locator(".new-comment button[type=submit]").click();
            assertThat(page.locator("article.comment").nth(1).locator(".body"))
                    .hasText("<svg onload=\"window.__pwned='form'\"></svg> and <b>bold</b>");
            assertThat(page.locator(".notice")).hasText("Signed in as " + name);

            assertThat(page.evaluate("() => window.__pwned === undefined")).isEqualTo(true);
            assertThat(page.locator(".cp img, .cp svg, .cp script, .cp b, h1 b")).hasCount(0);
        }
        assertThat(dialogs).isEmpty();
        JsonNode items = api.read("/topics/" + topicId + "/thread").json().get("items");
        assertThat(StreamSupport.stream(items.spliterator(), false).map(item -> item.get("body").asText()))
                .contains(body);
    }

    @Test
    void aLockedTopicTakesNoMoreWritesFromTheWidget() {
        String topicId = newTopic("Locking");
        try (BrowserContext context = browser.context("en-GB")) {
            Page page = signedIn(context, topicId, ada);
            String moderator = api.token("mo", "Mo Derator", "moderator");
            assertThat(api.lock(moderator, topicId).status()).isEqualTo(204);
            assertThat(page.locator(".notice")).hasText("This discussion is locked.");
            assertThat(page.locator("form.composer")).hasCount(0);
        }
    }
}
