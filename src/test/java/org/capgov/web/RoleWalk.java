package org.capgov.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.capgov.support.BrowserSession;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real browser (Debian's Chromium driven by Playwright) that walks pages as one person and collects what an
 * officer should never read: codes instead of names. Screenshots go to target/screenshots.
 */
final class RoleWalk implements AutoCloseable {

    static final Path CHROMIUM = BrowserSession.CHROMIUM;
    static final Path SHOTS = BrowserSession.SHOTS;

    /** lower_snake (bf_energy, volume_m3) or UPPER_SNAKE (DOUBLE_DUO_WIRE), not part of a hyphenated id or path. */
    static final Pattern SNAKE = Pattern.compile("(?<![\\w/.-])(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?![\\w/.-])");
    /** A lone upper-case word of four letters or more (BLOOMING, VIOLATION, LOGIN), not inside an id like CQ2014-STEEL-X. */
    static final Pattern UPPER_WORD = Pattern.compile("(?<![\\w/.-])[A-Z]{4,}(?![\\w/.-])");
    /** Upper-case words people do read: abbreviations and standard names. */
    static final Set<String> ALLOWED = Set.of("USCC", "JSON", "HTTP", "HTTPS", "SMTP", "CSV", "XLSX", "DOCX", "PDF",
            "COD");

    private final BrowserSession session;
    final Page page;
    final String base;
    final Map<String, List<String>> codesByPage = new java.util.LinkedHashMap<>();

    RoleWalk(int port, int width, int height) {
        this(port, width, height, false);
    }

    /** {@code bypassCsp}: only for injecting test scripts (axe-core); the pages' own scripts obey the policy. */
    RoleWalk(int port, int width, int height, boolean bypassCsp) {
        session = BrowserSession.open(port);
        page = session.browser().newPage(new Browser.NewPageOptions().setViewportSize(width, height).setLocale("zh-CN")
                .setBypassCSP(bypassCsp));
        page.setDefaultTimeout(60_000);
        base = session.base();
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    void login(String username, String password) {
        session.logIn(page, username, password);
        assertThat(page.locator("#welcome")).isVisible();
    }

    /** Opens a page, checks its visible text for codes and saves a screenshot named {@code shot}. */
    void visit(String path, String shot) {
        com.microsoft.playwright.Response r = page.navigate(base + path);
        if (r != null && r.status() >= 500) {
            codesByPage.computeIfAbsent(path, k -> new ArrayList<>()).add("HTTP " + r.status());
        }
        check(path);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(shot + ".png")).setFullPage(true));
    }

    /**
     * Visible text without code, kbd and pre elements: where people must type a code (import files, the catalogue's
     * YAML) the page shows it set as code beside its name; everywhere else a code is a missing name.
     */
    static final String VISIBLE_TEXT = """
            () => {
              const set = [...document.querySelectorAll('code, kbd, pre')];
              const before = set.map(e => e.style.display);
              set.forEach(e => e.style.display = 'none');
              const text = document.body.innerText;
              set.forEach((e, i) => e.style.display = before[i]);
              return text;
            }""";

    /** Collects the codes in the visible text of the current page under {@code label}. */
    void check(String label) {
        List<String> found = codes(String.valueOf(page.evaluate(VISIBLE_TEXT)));
        if (!found.isEmpty()) {
            codesByPage.computeIfAbsent(label, k -> new ArrayList<>()).addAll(found);
        }
    }

    static List<String> codes(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (Pattern p : List.of(SNAKE, UPPER_WORD)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (!ALLOWED.contains(m.group())) {
                    out.add(m.group());
                }
            }
        }
        return new ArrayList<>(out);
    }

    @Override
    public void close() {
        session.close();
    }
}
