package commonplace.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static commonplace.bench.Benchmark.say;

/**
 * The widget's first render of a 500-comment thread in Debian's Chromium: 50 root comments with nine replies each
 * (chains up to three deep), the topic page opened in a fresh browser profile each run (nothing cached), timed from
 * the navigation's start to the widget's {@code commonplace:rendered} mark, set once the first page of the thread is
 * in the document. The widget's assets are measured gzipped as served.
 */
final class WidgetRenderScenario {

    static final int ROOTS = 50;
    static final int REPLIES_PER_ROOT = 9;
    private static final String RENDERED = "() => performance.getEntriesByName('commonplace:rendered').length > 0";

    private final Settings settings;
    private final Api api;
    private final Report report;

    WidgetRenderScenario(Settings settings, Api api, Report report) {
        this.settings = settings;
        this.api = api;
        this.report = report;
    }

    void run() throws Exception {
        String topicId = "widget-" + UUID.randomUUID().toString().substring(0, 8);
        writeThread(topicId);
        String page = api.queryUrl.replace("/api/v1", "") + "/t/" + topicId;
        Figures firstRender = new Figures("ms");
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-component-update",
                             "--disable-sync", "--no-first-run", "--disable-quic", "--disable-gpu")))) {
            // one unmeasured visit: the services' JIT, not the browser, would otherwise be timed
            measure(chromium, page);
            for (int run = 0; run < Math.max(5, settings.runs()); run++) {
                double millis = measure(chromium, page);
                firstRender.add(millis);
                say("widget: first render of %d comments in %.0f ms", ROOTS * (1 + REPLIES_PER_ROOT), millis);
            }
        }
        report.widget(ROOTS * (1 + REPLIES_PER_ROOT), firstRender, gzippedAssetBytes());
    }

    private static double measure(Browser chromium, String page) {
        try (BrowserContext context = chromium.newContext(new Browser.NewContextOptions().setLocale("nb-NO"))) {
            Page tab = context.newPage();
            tab.navigate(page);
            tab.waitForFunction(RENDERED, null, new Page.WaitForFunctionOptions().setTimeout(60_000));
            Object comments = tab.evaluate("() => document.querySelector('[data-commonplace-topic]').shadowRoot"
                    + ".querySelectorAll('article.comment').length");
            if (((Number) comments).intValue() != ROOTS * (1 + REPLIES_PER_ROOT)) {
                throw new IllegalStateException("the widget rendered " + comments + " comments");
            }
            return ((Number) tab.evaluate(
                    "() => performance.getEntriesByName('commonplace:rendered')[0].startTime")).doubleValue();
        }
    }

    private void writeThread(String topicId) throws Exception {
        String token = api.token("bench-widget", "Benk Ærlig Ødegård");
        check(api.write("PUT", "/topics/" + topicId, token, "{\"title\":\"Fem hundre kommentarer\"}"), 201);
        String last = null;
        for (int root = 0; root < ROOTS; root++) {
            String rootId = id(check(api.write("POST", "/topics/" + topicId + "/comments", token,
                    body("Rotkommentar " + root + ": en lengre tekst om skred, kart og “målinger” med æøå, "
                            + "og en lenke https://example.org/kart/" + root + "\n\nAndre avsnitt.")), 201));
            String parent = rootId;
            for (int reply = 0; reply < REPLIES_PER_ROOT; reply++) {
                // chains of three: reply to the root, to that reply, to that one; then start again at the root
                String target = reply % 3 == 0 ? rootId : parent;
                Api.Answer answer = check(api.write("POST", "/comments/" + target + "/replies", token,
                        body("Svar " + reply + " på " + root + ": enig, men hva med kvikkleire?")), 201);
                parent = id(answer);
                last = answer.body();
            }
        }
        String position = last.replaceAll(".*\"position\":\"([^\"]+)\".*", "$1");
        while (api.answersStale("/topics/" + topicId + "/thread?consistentWith=" + position)) {
            say("widget: waiting for the thread to be projected");
        }
    }

    private long gzippedAssetBytes() throws Exception {
        long total = 0;
        String base = api.queryUrl.replace("/api/v1", "");
        for (String path : List.of("/embed.js", "/widget/widget.js", "/widget/i18n.js", "/widget/api.js",
                "/widget/dom.js", "/widget/thread-view.js", "/widget/composer.js", "/widget/writing.js",
                "/widget/live.js", "/widget/replay.js", "/widget/widget.css", "/widget/page.css")) {
            total += api.gzippedSize(base + path);
        }
        return total;
    }

    private static String body(String text) {
        return "{\"body\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
    }

    private static String id(Api.Answer answer) {
        return answer.body().replaceAll(".*\"commentId\":\"([^\"]+)\".*", "$1");
    }

    private static Api.Answer check(Api.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.status() + ": " + answer.body());
        }
        return answer;
    }
}
