package org.gridvault.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.gridvault.ApiClient;
import org.gridvault.ApiClient.Account;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.gridvault.devices.DeviceId;
import org.gridvault.telemetry.Metric;
import org.gridvault.telemetry.Reading;
import org.gridvault.telemetry.Rollups;
import org.gridvault.telemetry.TelemetryWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages in a real browser (Debian's Chromium) against the running application: what a person does, what they
 * see, which cookies they get, and that no page logs an error. Screenshots go to {@code target/screenshots/}.
 */
@IntegrationTest
class DashboardBrowserTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final ApiClient api;
    private final TelemetryWriter writer;
    private final Rollups rollups;
    private final MutableClock clock;
    private final String baseUrl;

    DashboardBrowserTests(
            ApiClient api,
            TelemetryWriter writer,
            Rollups rollups,
            MutableClock clock,
            @Value("${local.server.port}") int port) {
        this.api = api;
        this.writer = writer;
        this.rollups = rollups;
        this.clock = clock;
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    @Test
    void aNewPersonSignsUpAcceptingTheNoticeLogsOutAndLogsInAgain() {
        var visit = chromium.visit(baseUrl);
        var page = visit.page();
        var email = ApiClient.uniqueEmail();

        page.navigate("/");
        assertThat(page).hasURL(Pattern.compile("/login$"));
        visit.screenshot("login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create one"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Create your account")))
                .isVisible();
        page.getByLabel("Your name").fill("Ada Browser");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill("a-long-enough-password");
        page.getByLabel("I have read the privacy notice and accept it.").check();
        visit.screenshot("signup");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();

        assertThat(page).hasURL(Pattern.compile("/sites$"));
        page.waitForLoadState();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your sites")))
                .isVisible();
        assertThat(page.locator(".who")).containsText("Ada Browser");
        assertThat(onlySessionCookie(visit.context())).isTrue();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/login$"));
        assertThat(visit.context().cookies()).isEmpty();

        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill("not-the-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("The e-mail address or the password is not right.");
        assertThat(visit.context().cookies()).isEmpty();

        page.getByLabel("Password").fill("a-long-enough-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/sites$"));
        assertThat(visit.errors()).isEmpty();
    }

    @Test
    void aFreshVisitSetsNoCookieAndTheLanguageSwitchSetsNoneEither() {
        var visit = chromium.visit(baseUrl);
        var page = visit.page();

        page.navigate("/login");
        assertThat(visit.context().cookies()).isEmpty();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("中文")).click();
        assertThat(page).hasURL(Pattern.compile("/login\\?lang=zh$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("登录")))
                .isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "zh");
        assertThat(visit.context().cookies()).isEmpty();
        visit.screenshot("login-zh");

        var person = api.newPerson();
        logIn(page, person);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("中文"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("您的站点")))
                .isVisible();
        assertThat(api.get("/api/v1/me", person.token()).json().path("language").asString())
                .isEqualTo("zh");
        assertThat(onlySessionCookie(visit.context())).isTrue();
        assertThat(visit.errors()).isEmpty();
    }

    @Test
    void theSiteOverviewShowsLivePowerThatUpdatesWithoutReloadAndTheDaysEnergy() {
        var owner = api.newPerson();
        var site = newSite(owner, "Sunny Home");
        var meter = device(owner, site, "grid_meter");
        var pv = device(owner, site, "pv_inverter");
        var battery = device(owner, site, "battery");
        var yesterday = LocalDate.ofInstant(clock.instant(), BERLIN).minusDays(1);
        var start = yesterday.atStartOfDay(BERLIN).toInstant();
        var end = yesterday.plusDays(1).atStartOfDay(BERLIN).toInstant();
        // Every 5 minutes of yesterday: 100 Wh of solar, 50 Wh from the grid, 20 Wh to the grid.
        var history = new ArrayList<Reading>();
        long step = 0;
        for (var t = start; !t.isAfter(end); t = t.plus(Duration.ofMinutes(5)), step++) {
            history.add(Reading.of(pv, t, Map.of(Metric.ENERGY_PRODUCED_WH, 1_000.0 + 100.0 * step)));
            history.add(Reading.of(
                    meter,
                    t,
                    Map.of(Metric.ENERGY_IMPORT_WH, 5_000.0 + 50.0 * step, Metric.ENERGY_EXPORT_WH, 20.0 * step)));
        }
        write(history);
        var now = clock.advance(Duration.ofSeconds(1));
        write(List.of(
                Reading.of(pv, now, Map.of(Metric.POWER_W, 2_500.0)),
                Reading.of(meter, now, Map.of(Metric.POWER_W, -300.0)),
                Reading.of(battery, now, Map.of(Metric.POWER_W, -500.0, Metric.SOC_PCT, 64.0))));
        rollups.rollUpPending();
        var tariff = api.put(
                "/api/v1/sites/" + site + "/tariffs",
                owner.token(),
                Map.of(
                        "validFrom", yesterday.minusDays(10).toString(),
                        "currency", "EUR",
                        "importPricePerKwh", new BigDecimal("0.30"),
                        "exportPricePerKwh", new BigDecimal("0.08"),
                        "dailyCharge", new BigDecimal("0.48")));
        org.assertj.core.api.Assertions.assertThat(tariff.status())
                .as(tariff.body())
                .isEqualTo(200);

        var visit = chromium.visit(baseUrl);
        var page = visit.page();
        logIn(page, owner);
        assertThat(page).hasURL(Pattern.compile("/sites/" + site + "$"));
        page.navigate("/sites/" + site + "?period=day&date=" + yesterday);

        var solar = page.locator("[data-flow=solar] .value");
        assertThat(solar).hasText("2.50 kW");
        assertThat(page.locator("[data-flow=home] .value")).hasText("1.70 kW");
        assertThat(page.locator("[data-flow=grid]")).containsText("0.30 kW");
        assertThat(page.locator("[data-flow=grid]")).containsText("to the grid");
        assertThat(page.locator("[data-flow=battery]")).containsText("charging · 64 %");
        assertThat(page.locator("[data-flow=ev]")).containsText("no device online");
        assertThat(page.locator("#live")).hasAttribute("aria-live", "polite");
        assertThat(page.locator(".totals-grid")).containsText("28.8 kWh");
        assertThat(page.locator(".totals-grid")).containsText("37.4 kWh");
        assertThat(page.locator("#self-sufficiency .value")).hasText("62%");
        assertThat(page.locator("#self-consumption .value")).hasText("80%");
        assertThat(page.locator(".totals-grid")).containsText("no data for the previous period");
        assertThat(page.locator("#energy-chart canvas")).isVisible();
        // 14.4 kWh at 0.30 + the daily charge 0.48 - 5.76 kWh at 0.08; the day before had only its daily charge.
        assertThat(page.locator("#cost .value")).hasText("€4.34");
        assertThat(page.locator("#cost")).containsText("previous period: €0.48");
        assertThat(page.locator("#energy-flows canvas")).isVisible();
        var sankey = JsonMapper.shared().readTree(page.locator("#energy-flows").getAttribute("data-sankey"));
        assertThat(flowsInto(sankey, "home")).isCloseTo(37.44, within(0.001));
        assertThat(flowsInto(sankey, "grid-out")).isCloseTo(5.76, within(0.001));
        assertThat(flowsOutOf(sankey, "solar")).isCloseTo(28.8, within(0.001));
        assertThat(flowsOutOf(sankey, "grid-in")).isCloseTo(14.4, within(0.001));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download CSV")))
                .hasAttribute(
                        "href",
                        "/api/v1/sites/%s/energy.csv?from=%s&to=%s&interval=PT1H"
                                .formatted(site, yesterday, yesterday.plusDays(1)));
        visit.screenshot("site-overview");
        page.getByText("Show as a table").click();
        var noon = page.locator(".chart-table tbody tr", new Page.LocatorOptions().setHasText("12:00"));
        assertThat(noon.locator("td").nth(0)).hasText("1.20");
        assertThat(noon.locator("td").nth(2)).hasText("0.60");
        assertThat(page.locator(".chart-table tbody tr"))
                .hasCount((int) Duration.between(start, end).toHours());

        write(List.of(Reading.of(pv, clock.advance(Duration.ofSeconds(1)), Map.of(Metric.POWER_W, 3_100.0))));
        assertThat(solar)
                .hasText(
                        "3.10 kW",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000));
        assertThat(page).hasURL(Pattern.compile("date=" + yesterday));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Previous period"))
                .click();
        assertThat(page).hasURL(Pattern.compile("date=" + yesterday.minusDays(1)));
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Month").setExact(true))
                .click();
        assertThat(page).hasURL(Pattern.compile("period=month"));
        assertThat(page.locator("#energy-chart canvas")).isVisible();
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Year").setExact(true))
                .click();
        assertThat(page).hasURL(Pattern.compile("period=year"));
        assertThat(page.locator("#energy-chart canvas")).isVisible();
        if (yesterday.getYear() == yesterday.minusDays(1).getYear()) {
            // The year holds yesterday's solar, and nothing else was measured.
            assertThat(page.locator(".totals-grid")).containsText("28.8 kWh");
        }
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Week").setExact(true))
                .click();
        assertThat(page).hasURL(Pattern.compile("period=week"));
        assertThat(page.locator("#energy-chart canvas")).isVisible();
        assertThat(visit.errors()).isEmpty();
    }

    @Test
    void theOverviewFitsAPhoneScreen() {
        var owner = api.newPerson();
        var site = newSite(owner, "Flat");
        device(owner, site, "pv_inverter");
        var visit = chromium.visit(baseUrl, 390, 844);
        var page = visit.page();
        logIn(page, owner);
        assertThat(page).hasURL(Pattern.compile("/sites/" + site + "$"));
        assertThat(page.locator("#energy-chart canvas")).isVisible();
        assertThat(page.locator("#cost")).containsText("No tariff is set for this site");
        assertThat(page.locator("#energy-flows")).hasCount(0);
        assertThat(page.getByText("No energy was measured in this period.")).isVisible();

        var overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        visit.screenshot("site-overview-phone");
        assertThat(visit.errors()).isEmpty();
    }

    @Test
    void anOwnerRegistersADeviceAndSeesItsSecretOnlyOnce() {
        var owner = api.newPerson();
        var site = newSite(owner, "Workshop");
        var visit = chromium.visit(baseUrl);
        var page = visit.page();
        logIn(page, owner);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Devices"))
                .click();
        assertThat(page.locator(".empty")).hasText("No devices yet.");

        var serial = "PV-" + UUID.randomUUID().toString().substring(0, 8);
        page.getByLabel("Serial number").fill(serial);
        page.getByLabel("Kind").selectOption("PV_INVERTER");
        page.getByLabel("Firmware").fill("2.4.1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register"))
                .click();

        var secret = page.locator(".secret-value");
        assertThat(secret).hasText(Pattern.compile("^gv_dev_"));
        var row = page.locator("#device-list tbody tr");
        assertThat(row).hasCount(1);
        assertThat(row).containsText(serial);
        assertThat(row).containsText("Solar inverter");
        assertThat(row).containsText("offline");
        assertThat(row).containsText("2.4.1");
        visit.screenshot("devices");
        var shownSecret = secret.textContent();
        var devices = api.get("/api/v1/sites/" + site + "/devices", owner.token());
        assertThat(devices.body()).contains(serial).doesNotContain(shownSecret);

        page.reload();
        assertThat(page.locator("#device-list tbody tr")).containsText(serial);
        assertThat(page.locator(".secret-value")).hasCount(0);
        assertThat(page.content()).doesNotContain(shownSecret);
        assertThat(visit.errors()).isEmpty();
    }

    @Test
    void anOwnerGrantsAnInstallerWhoFindsTheSiteOpensItAndTheOwnerSeesTheDisclosure() {
        var owner = api.newPerson();
        var siteName = "Villa " + UUID.randomUUID().toString().substring(0, 6);
        var site = newSite(owner, siteName);
        var meter = device(owner, site, "grid_meter");
        write(List.of(Reading.of(meter, clock.instant(), Map.of(Metric.POWER_W, 800.0))));
        var otherSite = newSite(owner, "Garage " + UUID.randomUUID().toString().substring(0, 6));
        var installer = api.newPerson();
        var organisationName = "Bright Solar " + UUID.randomUUID().toString().substring(0, 6);
        var organisation = api.post(
                "/api/v1/organisations", installer.token(), Map.of("name", organisationName, "kind", "installer"));
        assertThat(organisation.status()).as(organisation.body()).isEqualTo(201);
        var organisationId = organisation.json().path("id").asString();

        var ownerVisit = chromium.visit(baseUrl);
        var ownerPage = ownerVisit.page();
        logIn(ownerPage, owner);
        ownerPage.navigate("/sites/" + site + "/sharing");
        ownerPage.getByLabel("Organisation id").fill("my installer");
        ownerPage
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Grant access"))
                .click();
        assertThat(ownerPage.getByRole(AriaRole.ALERT)).containsText("An organisation id looks like");
        assertThat(ownerPage.locator("#problems .alert")).hasAttribute("data-code", "web:organisation-id.invalid");
        ownerPage.getByLabel("Organisation id").fill(organisationId);
        ownerPage
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Grant access"))
                .click();
        var granted = ownerPage.locator("#holders tbody tr", new Page.LocatorOptions().setHasText(organisationName));
        assertThat(granted).containsText("Installer");
        assertThat(granted).containsText("active");
        assertThat(ownerPage.getByRole(AriaRole.ALERT)).hasCount(0);
        assertThat(ownerPage.getByLabel("Organisation id")).isEmpty();
        ownerPage.navigate("/sites/" + otherSite + "/sharing");
        ownerPage.getByLabel("Organisation id").fill(organisationId);
        ownerPage
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Grant access"))
                .click();
        assertThat(ownerPage.locator("#holders")).containsText(organisationName);
        ownerVisit.screenshot("sharing");

        var installerVisit = chromium.visit(baseUrl);
        var installerPage = installerVisit.page();
        logIn(installerPage, installer);
        installerPage.navigate("/installer");
        var rows = installerPage.locator(".fleet-row");
        assertThat(rows).hasCount(2);
        assertThat(installerPage.locator(".fleet-row", new Page.LocatorOptions().setHasText(siteName)))
                .containsText("all online");
        installerVisit.screenshot("installer");
        installerPage.getByLabel("Search sites").fill(siteName.substring(0, 9));
        assertThat(rows).hasCount(1);
        assertThat(rows).containsText(siteName);

        var disclosuresBefore = disclosures(owner);
        installerPage
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(siteName))
                .click();
        assertThat(installerPage).hasURL(Pattern.compile("/sites/" + site + "$"));
        assertThat(installerPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(siteName)))
                .isVisible();
        assertThat(installerPage.locator(".page-head .badge")).hasText("Installer");
        assertThat(disclosures(owner)).isGreaterThan(disclosuresBefore);

        ownerPage.navigate("/privacy");
        var disclosed = ownerPage.locator("#disclosures tbody tr", new Page.LocatorOptions().setHasText(siteName));
        assertThat(disclosed).hasCount(1);
        assertThat(disclosed).containsText(organisationName);
        assertThat(disclosed).containsText("installer access you granted");
        assertThat(disclosed).containsText("energy readings");
        ownerVisit.screenshot("privacy");

        assertThat(ownerVisit.errors()).isEmpty();
        assertThat(installerVisit.errors()).isEmpty();
    }

    @Test
    void anInvitedViewerAcceptsSeesTheSiteAsViewerAndCannotChangeIt() {
        var owner = api.newPerson();
        var siteName = "Cottage " + UUID.randomUUID().toString().substring(0, 6);
        var site = newSite(owner, siteName);
        var viewer = api.newPerson();

        var ownerVisit = chromium.visit(baseUrl);
        var ownerPage = ownerVisit.page();
        logIn(ownerPage, owner);
        ownerPage.navigate("/sites/" + site + "/sharing");
        ownerPage.getByLabel("E-mail").fill(viewer.email());
        ownerPage
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite"))
                .click();
        var invited = ownerPage.locator("#holders tbody tr", new Page.LocatorOptions().setHasText(viewer.email()));
        assertThat(invited).containsText("Viewer");
        assertThat(invited).containsText("invited");

        var viewerVisit = chromium.visit(baseUrl);
        var viewerPage = viewerVisit.page();
        logIn(viewerPage, viewer);
        assertThat(viewerPage).hasURL(Pattern.compile("/sites$"));
        assertThat(viewerPage.locator(".invitation")).hasCount(1);
        assertThat(viewerPage.locator(".invitation")).not().containsText(siteName);
        viewerVisit.screenshot("invitation");
        viewerPage
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept"))
                .click();
        assertThat(viewerPage).hasURL(Pattern.compile("/sites/" + site + "$"));
        viewerPage.waitForLoadState();
        assertThat(viewerPage.locator(".page-head .badge")).hasText("Viewer");
        viewerPage
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Devices"))
                .click();
        assertThat(viewerPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Register a device")))
                .hasCount(0);
        viewerPage
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sharing"))
                .click();
        assertThat(viewerPage.locator("main")).containsText("Only the owner sees who has access");
        assertThat(viewerPage.locator("#holders")).hasCount(0);

        ownerPage.reload();
        assertThat(invited).containsText("active");
        ownerPage.onDialog(dialog -> dialog.accept());
        invited.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke"))
                .click();
        assertThat(invited).containsText("revoked");
        viewerPage.navigate("/sites/" + site);
        assertThat(viewerPage.getByRole(AriaRole.ALERT))
                .hasText("This site does not exist, or you do not have access to it.");
        assertThat(ownerVisit.errors()).isEmpty();
        assertThat(viewerVisit.errors()).singleElement().asString().contains("404");
    }

    @Test
    void consentSwitchesInThePrivacyCenterChangeTheConsentRecord() {
        var person = api.newPerson();
        var visit = chromium.visit(baseUrl);
        var page = visit.page();
        logIn(page, person);
        page.navigate("/privacy");
        var research =
                page.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName("Research on de-identified data"));
        assertThat(research).not().isChecked();

        research.check();
        assertThat(page.locator("#consent-research")).containsText("on since");
        assertThat(consent(person, "research")).isTrue();

        page.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName("Research on de-identified data"))
                .uncheck();
        assertThat(page.locator("#consent-research")).containsText("off since");
        assertThat(consent(person, "research")).isFalse();
        assertThat(visit.errors()).isEmpty();
    }

    @Test
    void thePrivacyCenterDownloadsAllMyDataAndEachSitesGreenButtonFile() throws Exception {
        var owner = api.newPerson();
        var siteName = "Barn " + UUID.randomUUID().toString().substring(0, 6);
        var site = newSite(owner, siteName);
        var meter = device(owner, site, "grid_meter");
        var start = clock.instant().minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        var readings = new ArrayList<Reading>();
        for (int i = 0; i <= 8; i++) {
            readings.add(Reading.of(
                    meter,
                    start.plus(Duration.ofMinutes(15L * i)),
                    Map.of(Metric.ENERGY_IMPORT_WH, 1_000.0 + 250 * i)));
        }
        write(readings);
        rollups.rollUpPending();
        var visit = chromium.visit(baseUrl);
        var page = visit.page();
        logIn(page, owner);
        page.navigate("/privacy");
        visit.screenshot("privacy-downloads");

        var everything = page.waitForDownload(
                () -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All my data (JSON)"))
                        .click());
        assertThat(everything.suggestedFilename()).isEqualTo("gridvault-personal-data.json");
        var json = JsonMapper.shared().readTree(Files.readString(everything.path()));
        assertThat(json.toString()).contains(owner.email()).contains(siteName);

        var greenButton = page.waitForDownload(
                () -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Green Button: " + siteName))
                        .click());
        assertThat(greenButton.suggestedFilename()).isEqualTo("greenbutton-" + site + ".xml");
        var feed = Files.readString(greenButton.path());
        assertThat(feed).contains("<feed").contains("IntervalReading");
        assertThat(visit.errors()).isEmpty();
    }

    @Test
    void aPersonClosesTheAccountWithThePasswordAndChangesTheirMindDuringTheGracePeriod() {
        var person = api.newPerson();
        var visit = chromium.visit(baseUrl);
        var page = visit.page();
        logIn(page, person);
        page.navigate("/privacy");
        var cancellation = page.locator("#cancellation");

        cancellation.getByLabel("Your password, to confirm").fill("not-my-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close my account"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("The e-mail address or the password is not right.");

        cancellation.getByLabel("Your password, to confirm").fill(person.password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close my account"))
                .click();
        assertThat(cancellation).containsText("Your account will be closed and everything about you erased on");
        assertThat(page.getByRole(AriaRole.ALERT)).hasCount(0);
        visit.screenshot("privacy-cancellation");
        page.reload();
        assertThat(cancellation).containsText("Your account will be closed");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep my account"))
                .click();
        assertThat(cancellation.getByLabel("Your password, to confirm")).isVisible();
        page.reload();
        assertThat(cancellation.getByLabel("Your password, to confirm")).isVisible();
        assertThat(api.get("/api/v1/me", person.token()).status()).isEqualTo(200);
        assertThat(visit.errors()).isEmpty();
    }

    @Test
    void aPersonErasesEverythingWithThePasswordAndCannotLogInAgain() {
        var person = api.newPerson();
        newSite(person, "To be erased");
        var visit = chromium.visit(baseUrl);
        var page = visit.page();
        logIn(page, person);
        page.navigate("/privacy");
        page.onDialog(dialog -> dialog.accept());
        page.locator("#erase-password").fill(person.password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase my account and data"))
                .click();

        assertThat(page).hasURL(Pattern.compile("/login\\?erased$"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your account and your data have been erased.");
        assertThat(visit.context().cookies()).isEmpty();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(
                                api.tryLogIn(person.email(), person.password()).status())
                        .isEqualTo(401));
        assertThat(visit.errors()).isEmpty();
    }

    @Test
    void pageChangesThatDoNotComeFromHtmxAreRefused() {
        var person = api.newPerson();
        var forged = api.send(api.request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "email=" + person.email() + "&password=" + person.password())));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.header("Set-Cookie")).isEmpty();

        var fromThePage = api.send(api.request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "email=" + person.email() + "&password=" + person.password())));
        assertThat(fromThePage.status()).isEqualTo(204);
        assertThat(fromThePage.header("Set-Cookie"))
                .hasValueSatisfying(cookie -> assertThat(cookie)
                        .startsWith("gv_session=")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));
    }

    private static double flowsInto(JsonNode sankey, String node) {
        return sankey.path("links")
                .valueStream()
                .filter(link -> link.path("target").asString().equals(node))
                .mapToDouble(link -> link.path("value").asDouble())
                .sum();
    }

    private static double flowsOutOf(JsonNode sankey, String node) {
        return sankey.path("links")
                .valueStream()
                .filter(link -> link.path("source").asString().equals(node))
                .mapToDouble(link -> link.path("value").asDouble())
                .sum();
    }

    private void logIn(Page page, Account person) {
        page.navigate("/login");
        page.getByLabel("E-mail").fill(person.email());
        page.getByLabel("Password").fill(person.password());
        page.locator("form button[type=submit]").click();
        assertThat(page).not().hasURL(Pattern.compile("/login"));
        // htmx makes the buttons work once the page's scripts have run.
        page.waitForLoadState();
    }

    private static boolean onlySessionCookie(BrowserContext context) {
        var cookies = context.cookies();
        return cookies.size() == 1
                && cookies.stream().allMatch(cookie -> cookie.name.equals("gv_session") && cookie.httpOnly);
    }

    private String newSite(Account owner, String name) {
        var created = api.post(
                "/api/v1/sites", owner.token(), Map.of("name", name, "timeZone", "Europe/Berlin", "region", "eu"));
        org.assertj.core.api.Assertions.assertThat(created.status())
                .as(created.body())
                .isEqualTo(201);
        return created.json().path("id").asString();
    }

    private DeviceId device(Account owner, String site, String kind) {
        var registered = api.post(
                "/api/v1/sites/" + site + "/devices",
                owner.token(),
                Map.of("serialNumber", "SN-" + UUID.randomUUID(), "kind", kind));
        org.assertj.core.api.Assertions.assertThat(registered.status())
                .as(registered.body())
                .isEqualTo(201);
        return new DeviceId(UUID.fromString(registered.json().path("id").asString()));
    }

    private void write(List<Reading> readings) {
        writer.append(readings).join();
    }

    private long disclosures(Account owner) {
        return api.get("/api/v1/me/disclosures?size=1", owner.token())
                .json()
                .path("total")
                .asLong();
    }

    private boolean consent(Account person, String purpose) {
        for (var state : api.get("/api/v1/me/consents", person.token()).json()) {
            if (state.path("purpose").asString().equals(purpose)) {
                return state.path("granted").asBoolean();
            }
        }
        throw new AssertionError("No consent state for " + purpose);
    }
}
