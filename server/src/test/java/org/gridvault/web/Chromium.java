package org.gridvault.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium driven by Playwright, one browser per test class ({@code @RegisterExtension static final Chromium
 * chromium = new Chromium();}). Each {@link #visit} opens a fresh context (no cookies) on the application and collects
 * every console error and uncaught page error, so a test can assert that a page ran cleanly; the contexts are closed
 * after each test. No browser is downloaded:
 * Playwright's driver comes from its jar and the browser from {@code /usr/bin/chromium} (or {@code CHROMIUM_PATH}).
 */
final class Chromium implements AfterEachCallback, AfterAllCallback {

    /** Where screenshots go, for a person to look at after the build. */
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private Playwright playwright;
    private Browser browser;
    private final List<BrowserContext> open = Collections.synchronizedList(new ArrayList<>());

    /** A browser context and its first page, with the errors the page reported. */
    record Visit(BrowserContext context, Page page, List<String> errors) {

        void screenshot(String name) {
            // From the top, so the sticky navigation is drawn where a visitor sees it.
            page.evaluate("window.scrollTo(0, 0)");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve(name + ".png"))
                    .setFullPage(true));
        }
    }

    /** A new, empty browser context (a first-time visitor) with a page at {@code baseUrl}'s size for a desktop. */
    Visit visit(String baseUrl) {
        return visit(baseUrl, 1280, 900);
    }

    Visit visit(String baseUrl, int width, int height) {
        var context = browser()
                .newContext(new Browser.NewContextOptions()
                        .setBaseURL(baseUrl)
                        .setViewportSize(width, height)
                        .setLocale("en-GB")
                        .setTimezoneId("Europe/Berlin"));
        open.add(context);
        var page = context.newPage();
        var errors = Collections.synchronizedList(new ArrayList<String>());
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                errors.add("console: " + message.text() + " at " + page.url());
            }
        });
        page.onPageError(error -> errors.add("page error: " + error + " at " + page.url()));
        return new Visit(context, page, errors);
    }

    private synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create();
            var executable = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
            browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(Paths.get(executable))
                            .setArgs(List.of("--headless", "--no-sandbox")));
        }
        return browser;
    }

    /** Closes the test's browser contexts, so no page of a finished test keeps polling the application. */
    @Override
    public void afterEach(ExtensionContext context) {
        synchronized (open) {
            open.forEach(BrowserContext::close);
            open.clear();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
            playwright.close();
            browser = null;
            playwright = null;
        }
    }
}
