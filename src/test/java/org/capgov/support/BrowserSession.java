package org.capgov.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The browser of the browser tests: Debian's Chromium driven by Playwright against the running server, one browser per
 * test, and one context (its own cookies) per person who logs in. Screenshots go to target/screenshots.
 */
public final class BrowserSession implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CAPGOV_CHROMIUM", "/usr/bin/chromium"));
    public static final Path SHOTS = Path.of("target", "screenshots");
    public static final int WIDTH = 1400;
    public static final int HEIGHT = 900;

    private final Playwright playwright;
    private final Browser browser;
    private final String base;

    private BrowserSession(int port) {
        SHOTS.toFile().mkdirs();
        base = "http://localhost:" + port;
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run")));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** Skips the calling test where Chromium is not installed, saying so on the console. */
    public static void assumeChromium(String test) {
        if (!Files.isExecutable(CHROMIUM)) {
            System.out.println(test + " skipped: no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        }
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
    }

    /** A browser against the server on {@code port}. */
    public static BrowserSession open(int port) {
        return new BrowserSession(port);
    }

    /** http://localhost:port, for navigating. */
    public String base() {
        return base;
    }

    public Browser browser() {
        return browser;
    }

    /** A page of a fresh context (nobody logged in) at the tests' usual window size. */
    public Page page() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(WIDTH, HEIGHT)).newPage();
    }

    /** A page of its own context, logged in through the form with the test accounts' password. */
    public Page login(String username) {
        return login(username, TestPeople.PASSWORD);
    }

    public Page login(String username, String password) {
        Page page = page();
        logIn(page, username, password);
        return page;
    }

    /** Logs {@code page} in through the login form and waits for the signed-in header. */
    public void logIn(Page page, String username, String password) {
        page.navigate(base + "/login");
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("#login-submit");
        assertThat(page.locator("#current-user")).isVisible();
    }

    /** A screenshot of the window, target/screenshots/{name}.png. */
    public static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
    }

    /** A screenshot of the whole page, target/screenshots/{name}.png. */
    public static void fullShot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
