package org.gridvault.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.gridvault.GridVaultApplication;
import org.gridvault.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** What someone trying {@code ./gridvault demo} sees: the demo owner lands on her home, the installer on his fleet. */
class DemoDashboardBrowserTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Test
    void theDemoOpensOnTheOwnersSiteAndTheInstallersFleet(@TempDir Path dataDirectory) {
        try (var demo = new SpringApplicationBuilder(GridVaultApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.profiles.active=demo",
                        "--spring.datasource.url=" + TestDatabase.newDatabase(),
                        "--spring.datasource.username=postgres",
                        "--gridvault.data-dir=" + dataDirectory,
                        "--gridvault.mqtt.enabled=false",
                        "--gridvault.demo.simulated-homes=3",
                        "--gridvault.demo.history-days=2",
                        "--spring.main.banner-mode=off")) {
            var baseUrl =
                    "http://127.0.0.1:" + demo.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            var visit = chromium.visit(baseUrl);
            var page = visit.page();

            page.navigate("/");
            assertThat(page).hasURL(Pattern.compile("/login$"));
            logIn(page, "alice@demo.gridvault.org", "demo-owner-pass");
            assertThat(page).hasURL(Pattern.compile("/sites/[0-9a-f-]{36}$"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Alice's home")))
                    .isVisible();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Previous period"))
                    .click();
            // The demo's history is rolled up in the background a few seconds after start.
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        page.reload();
                        return page.locator("#energy-flows").count() == 1;
                    });
            assertThat(page.locator("#energy-flows canvas")).isVisible();
            assertThat(page.locator("#energy-chart canvas")).isVisible();
            assertThat(page.locator("#cost .value")).hasText(Pattern.compile("€\\d+\\.\\d\\d"));
            assertThat(page.locator("#self-sufficiency .value")).hasText(Pattern.compile("\\d+%"));
            visit.screenshot("demo-overview");

            var installer = chromium.visit(baseUrl);
            logIn(installer.page(), "ivan@demo.gridvault.org", "demo-installer-pass");
            installer.page().navigate("/installer");
            assertThat(installer.page().locator(".fleet-row")).hasCount(3);
            installer.screenshot("demo-installer");

            assertThat(visit.errors()).isEmpty();
            assertThat(installer.errors()).isEmpty();
        }
    }

    private static void logIn(Page page, String email, String password) {
        page.navigate("/login");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(password);
        page.locator("form button[type=submit]").click();
        assertThat(page).not().hasURL(Pattern.compile("/login"));
        page.waitForLoadState();
    }
}
