package commonplace.systemtests;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, driven by Playwright (which never downloads a browser of its own here). The flags keep
 * it from calling any host but the ones a test names: this machine refuses outside connections.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** How long a test waits for what it expects to see: generous, for a shared machine under load. */
    static final double DEADLINE_MILLIS = 45_000;

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    private Browser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: apt-get install -y chromium (.ci/run does)");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-gpu")));
    }

    static Browser start() {
        return new Browser();
    }

    /** A fresh profile (no cookies, no cache) whose navigator.languages start with {@code locale}. */
    BrowserContext context(String locale) {
        return chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale(locale).setViewportSize(1000, 1400));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
