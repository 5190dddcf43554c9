package org.gridvault.portability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.gridvault.ApiClient;
import org.gridvault.ApiClient.Account;
import org.gridvault.IntegrationTest;
import org.gridvault.devices.DeviceId;
import org.gridvault.privacy.catalog.DataCatalog;
import org.gridvault.telemetry.Metric;
import org.gridvault.telemetry.Reading;
import org.gridvault.telemetry.Rollups;
import org.gridvault.telemetry.TelemetryWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class PersonalDataExportIntegrationTests {

    /** Columns an export may keep back (with a reason): secrets, keys and keyed lookup hashes, never data as such. */
    private static final Set<String> WITHHOLDABLE = Set.of("account.credentials", "device.credentials", "privacy.key");

    private final ApiClient api;
    private final TelemetryWriter writer;
    private final Rollups rollups;
    private final DataSource dataSource;

    PersonalDataExportIntegrationTests(ApiClient api, TelemetryWriter writer, Rollups rollups, DataSource dataSource) {
        this.api = api;
        this.writer = writer;
        this.rollups = rollups;
        this.dataSource = dataSource;
    }

    @Test
    void containsEveryPersonalColumnOfEveryModuleThatTheCatalogDeclares() throws Exception {
        var owner = api.newPerson();
        var site = site(owner);
        var meter = meter(owner, site);
        writeReadings(meter, 12);
        var installer = api.newPerson();
        shareWithInstaller(owner, site, installer);
        assertThat(api.get("/api/v1/sites/" + site, installer.token()).status()).isEqualTo(200);

        var export = export(owner);

        var tables = tablesByName(export);
        var missing = new ArrayList<String>();
        for (var table : DataCatalog.load().tables()) {
            if (!table.personal()) {
                continue;
            }
            var exported = tables.get(table.qualifiedName());
            if (exported == null) {
                missing.add(table.qualifiedName() + " (whole table)");
                continue;
            }
            var columns = texts(exported.path("columns"));
            for (var column : table.columns()) {
                if (!column.personal()) {
                    continue;
                }
                var name = column.encrypted() ? column.name().replace("_ciphertext", "") : column.name();
                var reason = exported.path("withheld").path(column.name()).asString("");
                boolean withheldForCause = !reason.isBlank()
                        && (WITHHOLDABLE.contains(column.category())
                                || column.name().endsWith("_lookup"));
                if (!columns.contains(name) && !withheldForCause) {
                    missing.add(table.qualifiedName() + "." + column.name());
                }
            }
        }
        assertThat(missing).as("personal columns missing from the export").isEmpty();
    }

    @Test
    void decryptsThePersonsDataAndCarriesEveryReadingOfTheirSites() throws Exception {
        var owner = api.newPerson();
        var site = site(owner);
        var meter = meter(owner, site);
        writeReadings(meter, 12);
        var stranger = api.newPerson();
        site(stranger);

        var export = export(owner);

        assertThat(export.path("format").asString()).isEqualTo("gridvault-personal-data");
        assertThat(export.path("version").asInt()).isEqualTo(1);
        assertThat(export.path("subject").asString()).isEqualTo(owner.id().toString());
        var tables = tablesByName(export);
        var person = tables.get("accounts.people").path("rows").get(0);
        assertThat(person.path("email").asString()).isEqualTo(owner.email());
        assertThat(person.path("display_name").asString()).isEqualTo("Test Person");
        assertThat(person.has("password_hash")).isFalse();
        assertThat(tables.get("accounts.people")
                        .path("withheld")
                        .path("password_hash")
                        .asString())
                .isNotBlank();
        var sites = tables.get("sites.sites").path("rows");
        assertThat(sites.size()).as("only the person's own site").isEqualTo(1);
        assertThat(sites.get(0).path("address").asString()).isEqualTo("Hauptstraße 1, 10115 Berlin");
        assertThat(sites.get(0).path("latitude").asString()).isEqualTo("52.5");
        var samples = tables.get("telemetry.samples").path("rows");
        assertThat(samples.size()).isEqualTo(12);
        assertThat(samples.get(0).path("device_id").asString())
                .isEqualTo(meter.value().toString());
        assertThat(samples.get(11).path("energy_import_wh").asDouble()).isEqualTo(1_000 + 11 * 250);
        assertThat(tables.get("telemetry.rollup_15m").path("rows").size()).isPositive();
        assertThat(tables.get("devices.devices").path("rows").get(0).has("secret_hash"))
                .isFalse();
    }

    @Test
    void carriesOnlyThePersonsOwnDevicesOfABatchStillQueuedForRollup() throws Exception {
        var owner = api.newPerson();
        var meter = meter(owner, site(owner));
        var stranger = api.newPerson();
        var strangersMeter = meter(stranger, site(stranger));
        var at = Instant.parse("2026-05-05T10:00:00Z");

        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            // One batch with both meters' readings; its queue row is locked here so that the rollup worker (which
            // skips locked rows) leaves it queued while the export reads it. Should the worker take it first, write
            // another.
            boolean queued = false;
            for (int attempt = 0; attempt < 3 && !queued; attempt++) {
                var reading = Map.of(Metric.POWER_W, 100.0 + attempt);
                writer.append(List.of(Reading.of(meter, at, reading), Reading.of(strangersMeter, at, reading)))
                        .get(30, TimeUnit.SECONDS);
                try (var lock = connection.prepareStatement("""
                        select id from telemetry.rollup_queue
                        where device_ids @> array[cast(? as uuid), cast(? as uuid)] for update
                        """)) {
                    lock.setObject(1, meter.value());
                    lock.setObject(2, strangersMeter.value());
                    queued = lock.executeQuery().next();
                }
            }
            assertThat(queued).as("a queue row with both meters").isTrue();

            var response = api.get("/api/v1/me/export?format=json", owner.token());

            connection.rollback();
            assertThat(response.body()).doesNotContain(strangersMeter.value().toString());
            var queue =
                    tablesByName(response.json()).get("telemetry.rollup_queue").path("rows");
            assertThat(queue.size()).isPositive();
            for (var row : queue) {
                assertThat(texts(row.path("device_ids")))
                        .containsExactly(meter.value().toString());
                assertThat(row.path("from_ts").asString())
                        .isEqualTo(row.path("to_ts").asString());
            }
        }
    }

    @Test
    void entersEachDownloadIntoTheRequestRegister() throws Exception {
        var owner = api.newPerson();

        export(owner);

        assertThat(api.get("/api/v1/me/privacy-requests", owner.token())
                        .json()
                        .valueStream()
                        .map(request -> request.path("type").asString() + "/"
                                + request.path("status").asString()))
                .containsExactly("access/completed");
    }

    @Test
    void refusesAnUnknownFormatAndAnonymousCallers() {
        var owner = api.newPerson();

        var unknown = api.get("/api/v1/me/export?format=csv", owner.token());

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.code()).isEqualTo("portability:format.unsupported");
        assertThat(api.get("/api/v1/me/export", null).status()).isEqualTo(401);
    }

    private JsonNode export(Account owner) {
        var response = api.get("/api/v1/me/export?format=json", owner.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return response.json();
    }

    private static Map<String, JsonNode> tablesByName(JsonNode export) {
        var tables = new HashMap<String, JsonNode>();
        for (var part : export.path("parts")) {
            for (var table : part.path("tables")) {
                tables.put(table.path("table").asString(), table);
            }
        }
        return tables;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asString)
                .toList();
    }

    private String site(Account owner) {
        var created = api.post(
                "/api/v1/sites",
                owner.token(),
                Map.of(
                        "name", "Home",
                        "timeZone", "Europe/Berlin",
                        "region", "eu",
                        "address", "Hauptstraße 1, 10115 Berlin",
                        "latitude", 52.5,
                        "longitude", 13.4));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private DeviceId meter(Account owner, String site) {
        var registered = api.post(
                "/api/v1/sites/" + site + "/devices",
                owner.token(),
                Map.of("serialNumber", "GV-" + UUID.randomUUID(), "kind", "grid_meter"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new DeviceId(UUID.fromString(registered.json().path("id").asString()));
    }

    private void writeReadings(DeviceId meter, int count) throws Exception {
        var start = Instant.parse("2026-05-04T10:00:00Z");
        var readings = new ArrayList<Reading>();
        for (int i = 0; i < count; i++) {
            readings.add(Reading.of(
                    meter,
                    start.plus(Duration.ofMinutes(15L * i)),
                    Map.of(Metric.ENERGY_IMPORT_WH, 1_000.0 + i * 250, Metric.POWER_W, 1_000.0)));
        }
        writer.append(readings).get(30, TimeUnit.SECONDS);
        rollups.rollUpPending();
    }

    private void shareWithInstaller(Account owner, String site, Account installer) {
        var organisation = api.post(
                        "/api/v1/organisations",
                        installer.token(),
                        Map.of("name", "Installer " + installer.id(), "kind", "installer"))
                .json()
                .path("id")
                .asString();
        var granted = api.post(
                "/api/v1/sites/" + site + "/grants",
                owner.token(),
                Map.of("organisationId", organisation, "role", "installer"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
    }
}
