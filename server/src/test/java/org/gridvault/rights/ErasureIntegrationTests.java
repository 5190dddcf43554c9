package org.gridvault.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.gridvault.StoredSamples;
import org.gridvault.TestDevices;
import org.gridvault.privacy.Erasures;
import org.gridvault.privacy.PersonKeys;
import org.gridvault.privacy.PrivacyRequestId;
import org.gridvault.privacy.Pseudonyms;
import org.gridvault.privacy.SubjectId;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Erasure (P25, P31): only after a fresh re-authentication; every module erases its part, the key goes last, and
 * afterwards no row of any personal table mentions the person. An erasure stays open until every module reported.
 */
@IntegrationTest
class ErasureIntegrationTests {

    private final ApiClient api;
    private final Rights rights;
    private final TestDevices devices;
    private final StoredSamples samples;
    private final PersonalRows personalRows;
    private final JdbcClient jdbc;
    private final Erasures erasures;
    private final PersonKeys keys;
    private final Pseudonyms pseudonyms;
    private final MutableClock clock;

    ErasureIntegrationTests(
            ApiClient api,
            JdbcClient jdbc,
            Erasures erasures,
            PersonKeys keys,
            Pseudonyms pseudonyms,
            MutableClock clock) {
        this.api = api;
        this.rights = new Rights(api);
        this.devices = new TestDevices(api);
        this.samples = new StoredSamples(jdbc);
        this.personalRows = new PersonalRows(jdbc);
        this.jdbc = jdbc;
        this.erasures = erasures;
        this.keys = keys;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    @Test
    void refusesErasureWithoutAFreshReauthentication() {
        var person = api.newPerson();

        var withoutReauthentication = api.post("/api/v1/me/erasure", person.token(), null);
        var wrongPassword =
                api.post("/api/v1/me/reauthentication", person.token(), Map.of("password", "not-the-password"));
        rights.reauthenticate(person);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        var tooLate = api.post("/api/v1/me/erasure", person.token(), null);

        assertThat(withoutReauthentication.status()).isEqualTo(403);
        assertThat(withoutReauthentication.code()).isEqualTo("accounts:reauthentication-required");
        assertThat(withoutReauthentication.json().path("detail").asString()).contains("/api/v1/me/reauthentication");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("accounts:credentials.invalid");
        assertThat(tooLate.status()).isEqualTo(403);
        assertThat(tooLate.code()).isEqualTo("accounts:reauthentication-required");
        assertThat(api.get("/api/v1/me", person.token()).status())
                .as("the account is still there")
                .isEqualTo(200);
    }

    @Test
    void freshReauthenticationCountsOnlyForTheSessionThatProvedThePassword() {
        var person = api.newPerson();
        var otherSession = api.logIn(person.email(), person.password());
        rights.reauthenticate(person);

        var fromOtherSession = api.post("/api/v1/me/erasure", otherSession, null);

        assertThat(fromOtherSession.status()).isEqualTo(403);
        assertThat(fromOtherSession.code()).isEqualTo("accounts:reauthentication-required");
    }

    @Test
    void leavesNoRowInAnyPersonalTableThatMentionsTheErasedPerson() {
        var person = api.newPerson();
        var subject = new SubjectId(person.id());
        // Their own site with a device and measurements, shared with a viewer.
        var site = rights.newSite(person);
        var device = devices.register(person, site, "grid_meter");
        sendReading(device);
        var viewer = api.newPerson();
        rights.shareWith(person, site, viewer);
        // The site's tariff.
        assertThat(api.put(
                                "/api/v1/sites/" + site + "/tariffs",
                                person.token(),
                                Map.of(
                                        "validFrom",
                                        "2026-01-01",
                                        "currency",
                                        "EUR",
                                        "importPricePerKwh",
                                        new java.math.BigDecimal("0.30"),
                                        "exportPricePerKwh",
                                        new java.math.BigDecimal("0.08"),
                                        "dailyCharge",
                                        new java.math.BigDecimal("0.48"),
                                        "importBands",
                                        java.util.List.of(Map.of(
                                                "days",
                                                java.util.List.of("mon"),
                                                "from",
                                                "17:00",
                                                "to",
                                                "21:00",
                                                "pricePerKwh",
                                                new java.math.BigDecimal("0.50")))))
                        .status())
                .isIn(200, 201);
        // A grant on someone else's site, which they looked at (a disclosure to them).
        var neighbour = api.newPerson();
        var neighbourSite = rights.newSite(neighbour);
        var neighbourDevice = devices.register(neighbour, neighbourSite, "pv_inverter");
        sendReading(neighbourDevice);
        rights.shareWith(neighbour, neighbourSite, person);
        assertThat(api.get("/api/v1/sites/" + neighbourSite, person.token()).status())
                .isEqualTo(200);
        // An invitation to their address they never answered.
        var inviter = api.newPerson();
        assertThat(api.post(
                                "/api/v1/sites/" + rights.newSite(inviter) + "/grants",
                                inviter.token(),
                                Map.of("email", person.email(), "role", "viewer"))
                        .status())
                .isEqualTo(201);
        var emailLookup = HexFormat.of()
                .formatHex(pseudonyms.lookupHash("email", person.email().toLowerCase(Locale.ROOT)));
        assertThat(personalRows.mentioning(emailLookup, Set.of())).isNotEmpty();
        // Consents, a restriction request in the register, an organisation.
        assertThat(api.put("/api/v1/me/consents/home-comparison", person.token(), Map.of("granted", true))
                        .status())
                .isEqualTo(200);
        assertThat(api.put("/api/v1/me/objections/marketing", person.token(), null)
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/organisations",
                                person.token(),
                                Map.of("name", "Erasure Installers " + UUID.randomUUID(), "kind", "installer"))
                        .status())
                .isEqualTo(201);
        // Their site's days waiting to be rebuilt in a new time zone, as a stop would leave them.
        jdbc.sql("insert into telemetry.calendar_rebuilds (site_id, requested_at) values (:site, now())")
                .param("site", UUID.fromString(site))
                .update();
        assertThat(personalRows.mentioning(person.id(), Set.of()))
                .as("before the erasure the person is in many tables")
                .hasSizeGreaterThan(5);
        assertThat(samples.count(device.uuid())).isPositive();
        var reference = pseudonyms.reference(subject);
        rights.reauthenticate(person);

        var erased = api.post("/api/v1/me/erasure", person.token(), null);

        assertThat(erased.status()).as(erased.body()).isEqualTo(202);
        assertThat(erased.json().path("complete").asBoolean()).isTrue();
        assertThat(erased.json().path("reported").valueStream().map(part -> part.asString()))
                .containsExactlyInAnyOrder("accounts", "devices", "sites");
        assertThat(personalRows.mentioning(person.id(), Set.of()))
                .as(
                        "tables that still mention the erased person, of %d personal tables",
                        personalRows.personalTables().size())
                .isEmpty();
        assertThat(personalRows.mentioning(emailLookup, Set.of()))
                .as("tables that still hold the lookup hash of their e-mail address")
                .isEmpty();
        assertThat(personalRows.mentioning(site, Set.of("privacy.audit_log")))
                .as("their site is gone with everything on it")
                .isEmpty();
        assertThat(personalRows.mentioning(device.id(), Set.of("privacy.audit_log")))
                .as("their device is gone with its measurements")
                .isEmpty();
        assertThat(samples.count(device.uuid())).isZero();
        assertThat(keys.exists(subject)).as("the person's key").isFalse();
        assertThat(api.get("/api/v1/me", person.token()).status()).isEqualTo(401);
        assertThat(api.tryLogIn(person.email(), person.password()).status()).isEqualTo(401);
        // The viewer lost the erased site; the neighbour keeps theirs, with its measurements.
        assertThat(api.get("/api/v1/sites/" + site, viewer.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/sites/" + neighbourSite, neighbour.token()).status())
                .isEqualTo(200);
        assertThat(samples.count(neighbourDevice.uuid())).isPositive();
        // The register and the audit log keep the erasure, by pseudonym only.
        var request = erased.json().path("request").path("id").asString();
        var registered = api.get("/api/v1/admin/privacy-requests", api.operatorToken())
                .json()
                .valueStream()
                .filter(entry -> entry.path("id").asString().equals(request))
                .findFirst()
                .orElseThrow();
        assertThat(registered.path("status").asString()).isEqualTo("completed");
        assertThat(registered.path("subject").asString()).isEqualTo(reference);
        assertThat(jdbc.sql(
                                "select action from privacy.audit_log where subject = :ref and action like 'privacy.erasure.%'")
                        .param("ref", reference)
                        .query(String.class)
                        .list())
                .containsExactly("privacy.erasure.started", "privacy.erasure.completed");
    }

    @Test
    void keepsTheErasureOpenUntilEveryModuleHasReportedAndRetriesTheOnesThatFailed() {
        var person = api.newPerson();
        var subject = new SubjectId(person.id());
        var site = rights.newSite(person);
        devices.register(person, site, "battery");
        var trigger = "refuse_erasure_" + UUID.randomUUID().toString().replace("-", "");
        // The devices of the site cannot be deleted: the sites module's part fails (its transaction rolls back).
        jdbc.sql("""
                        create or replace function public.refuse_erasure_in_tests() returns trigger
                        language plpgsql as $$ begin raise exception 'deleting devices is refused for this test'; end $$
                        """).update();
        jdbc.sql("create trigger " + trigger + " before delete on devices.devices for each row when (old.site_id = '"
                        + UUID.fromString(site) + "') execute function public.refuse_erasure_in_tests()")
                .update();
        rights.reauthenticate(person);
        String request;
        try {
            var started = api.post("/api/v1/me/erasure", person.token(), null);

            assertThat(started.status()).as(started.body()).isEqualTo(202);
            assertThat(started.json().path("complete").asBoolean()).isFalse();
            request = started.json().path("request").path("id").asString();
            var progress =
                    erasures.of(new PrivacyRequestId(UUID.fromString(request))).orElseThrow();
            assertThat(progress.reported()).doesNotContain("sites");
            assertThat(progress.complete()).isFalse();
            assertThat(keys.exists(subject))
                    .as("the key stays until every module has reported")
                    .isTrue();
            assertThat(api.get("/api/v1/me/privacy-requests", person.token())
                            .json()
                            .valueStream()
                            .filter(entry -> entry.path("id").asString().equals(request))
                            .map(entry -> entry.path("status").asString()))
                    .containsExactly("open");
            erasures.retryOpen();
            assertThat(erasures.of(new PrivacyRequestId(UUID.fromString(request)))
                            .orElseThrow()
                            .complete())
                    .as("still refused on retry")
                    .isFalse();
        } finally {
            jdbc.sql("drop trigger " + trigger + " on devices.devices").update();
        }

        erasures.retryOpen();

        var done = erasures.of(new PrivacyRequestId(UUID.fromString(request))).orElseThrow();
        assertThat(done.complete()).isTrue();
        assertThat(done.reported()).containsExactlyInAnyOrder("accounts", "devices", "sites");
        assertThat(keys.exists(subject)).isFalse();
        assertThat(personalRows.mentioning(person.id(), Set.of())).isEmpty();
    }

    private void sendReading(TestDevices.TestDevice device) {
        var response = api.send(api.request("/api/v1/devices/" + device.serial() + "/telemetry")
                .header("Authorization", device.basicAuthorization())
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"ts\": \"%s\", \"values\": {\"power_w\": 1}}"
                        .formatted(clock.instant().truncatedTo(ChronoUnit.MILLIS)))));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }
}
