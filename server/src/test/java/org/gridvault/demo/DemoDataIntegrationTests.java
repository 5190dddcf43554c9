package org.gridvault.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.gridvault.ApiClient;
import org.gridvault.GridVaultApplication;
import org.gridvault.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The demo profile as {@code ./gridvault demo} starts it: logins that work, data created once. */
class DemoDataIntegrationTests {

    @Test
    void createsTheDemoDataOnceAndKeepsItAcrossRestarts(@TempDir Path dataDirectory) {
        var database = TestDatabase.newDatabase();

        try (var demo = start(database, dataDirectory)) {
            var api = new ApiClient(port(demo));

            var alice = api.logIn("alice@demo.gridvault.org", "demo-owner-pass");
            assertThat(sitesAndRoles(api, alice))
                    .containsExactly("Alice's home owner", "Bob's flat viewer", "Holiday cottage owner");
            var ivan = api.logIn("ivan@demo.gridvault.org", "demo-installer-pass");
            assertThat(sitesAndRoles(api, ivan))
                    .containsExactly(
                            "Alice's home installer", "Home 02 (Munich) installer", "Home 03 (Lisbon) installer");
            var home = api.get("/api/v1/sites", alice).json().get(0).path("id").asString();
            var meter = java.util.stream.StreamSupport.stream(
                            api.get("/api/v1/sites/" + home + "/devices", alice)
                                    .json()
                                    .spliterator(),
                            false)
                    .filter(device -> device.path("kind").asString().equals("grid_meter"))
                    .findFirst()
                    .orElseThrow();
            var latest = api.get("/api/v1/devices/" + meter.path("id").asString() + "/latest", alice)
                    .json();
            assertThat(latest.path("values").path("energy_import_wh").isNumber())
                    .as("the simulated history reached storage: %s", latest)
                    .isTrue();
            var tariffs = api.get("/api/v1/sites/" + home + "/tariffs", alice).json();
            assertThat(tariffs.get(0).path("currency").asString()).isEqualTo("EUR");
            assertThat(tariffs.get(0).path("importBands").size())
                    .as("time of use")
                    .isEqualTo(2);
            var costs = api.get("/api/v1/sites/" + home + "/costs?from=2020-01-01&to=2020-01-02&interval=P1D", alice);
            assertThat(costs.status()).as(costs.body()).isEqualTo(200);
            assertThat(costs.json().path("total").path("fixedCharge").decimalValue())
                    .isEqualByComparingTo("0.45");
            var provisioned = api.post(
                    "/api/v1/admin/provisioned-devices",
                    api.logIn("operator@demo.gridvault.org", "demo-operator-pass"),
                    Map.of("serialNumber", "DEMO-TEST-" + UUID.randomUUID(), "kind", "smart_plug"));
            assertThat(provisioned.status()).as(provisioned.body()).isEqualTo(201);
            assertThat(api.post(
                                    "/api/v1/admin/provisioned-devices",
                                    alice,
                                    Map.of("serialNumber", "DEMO-TEST-" + UUID.randomUUID(), "kind", "smart_plug"))
                            .status())
                    .isEqualTo(403);
        }

        try (var restarted = start(database, dataDirectory)) {
            var api = new ApiClient(port(restarted));

            var alice = api.logIn("alice@demo.gridvault.org", "demo-owner-pass");
            assertThat(sitesAndRoles(api, alice))
                    .containsExactly("Alice's home owner", "Bob's flat viewer", "Holiday cottage owner");
            var home = api.get("/api/v1/sites", alice).json().get(0).path("id").asString();
            assertThat(api.get("/api/v1/sites/" + home + "/devices", alice)
                            .json()
                            .size())
                    .isEqualTo(6);
        }
    }

    @Test
    void continuesEachHomeFromItsLastReadingsAndFillsTheTimeItWasStopped(@TempDir Path dataDirectory) {
        var database = TestDatabase.newDatabase();
        String meter;
        try (var demo = start(database, dataDirectory)) {
            var api = new ApiClient(port(demo));
            var alice = api.logIn("alice@demo.gridvault.org", "demo-owner-pass");
            var home = api.get("/api/v1/sites", alice).json().get(0).path("id").asString();
            meter = api.get("/api/v1/sites/" + home + "/devices", alice)
                    .json()
                    .valueStream()
                    .filter(device -> device.path("kind").asString().equals("grid_meter"))
                    .findFirst()
                    .orElseThrow()
                    .path("id")
                    .asString();
        }
        // As if the demo had stopped three hours ago: every stored reading and last-seen time moves back (by a
        // little more, so the moved readings fall between the five-minute steps and never onto another reading).
        try (var restarted = start(database, dataDirectory, jdbc -> {
            jdbc.sql("update telemetry.samples set ts = ts - interval '182 minutes 30 seconds'")
                    .update();
            jdbc.sql("update telemetry.device_state set last_ts = last_ts - interval '182 minutes 30 seconds'")
                    .update();
        })) {
            var jdbc = restarted.getBean(JdbcClient.class);
            var imports = jdbc.sql("""
                            select ts, energy_import_wh from telemetry.samples
                            where device_id = :meter and ts > now() - interval '4 hours' order by ts
                            """)
                    .param("meter", UUID.fromString(meter))
                    .query((row, index) -> row.getDouble("energy_import_wh"))
                    .list();

            assertThat(imports.size())
                    .as("the three hours are filled at five-minute steps")
                    .isGreaterThanOrEqualTo(36);
            for (int i = 1; i < imports.size(); i++) {
                // Five minutes of a home's import: never less than before, at most a few kWh more.
                assertThat(imports.get(i) - imports.get(i - 1))
                        .as("import counter from reading %d to %d: %s", i - 1, i, imports)
                        .isBetween(0.0, 3_000.0);
            }
        }
    }

    private static ConfigurableApplicationContext start(String database, Path dataDirectory) {
        return start(database, dataDirectory, jdbc -> {});
    }

    /** Starts the demo after {@code before} has changed its database (the schema exists after a first start). */
    private static ConfigurableApplicationContext start(
            String database, Path dataDirectory, Consumer<JdbcClient> before) {
        before.accept(JdbcClient.create(new DriverManagerDataSource(database, "postgres", "")));
        return new SpringApplicationBuilder(GridVaultApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.profiles.active=demo",
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=postgres",
                        "--gridvault.data-dir=" + dataDirectory,
                        "--gridvault.mqtt.enabled=false",
                        "--gridvault.demo.simulated-homes=3",
                        "--gridvault.demo.history-days=1",
                        "--spring.main.banner-mode=off");
    }

    private static int port(ConfigurableApplicationContext application) {
        return application.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static List<String> sitesAndRoles(ApiClient api, String token) {
        var sites = api.get("/api/v1/sites", token);
        assertThat(sites.status()).isEqualTo(200);
        return sites.json()
                .valueStream()
                .map(site ->
                        site.path("name").asString() + " " + site.path("role").asString())
                .toList();
    }
}
