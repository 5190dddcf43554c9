package org.gridvault.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.gridvault.ApiClient;
import org.gridvault.ApiClient.Account;
import org.gridvault.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A device proves who it is with its serial and its current secret, and only while in service. */
@IntegrationTest
class DeviceCredentialsIntegrationTests {

    private final ApiClient api;
    private final DeviceCredentials credentials;

    DeviceCredentialsIntegrationTests(ApiClient api, DeviceCredentials credentials) {
        this.api = api;
        this.credentials = credentials;
    }

    @Test
    void authenticatesTheSerialWithItsSecret() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var serial = newSerial();
        var device = register(owner, site, serial);

        var identity = credentials.authenticate(serial, device.path("secret").asString());

        assertThat(identity).hasValueSatisfying(found -> {
            assertThat(found.id().value().toString())
                    .isEqualTo(device.path("id").asString());
            assertThat(found.siteId().value().toString()).isEqualTo(site);
            assertThat(found.serialNumber()).isEqualTo(serial);
            assertThat(found.kind()).isEqualTo(DeviceKind.GRID_METER);
            assertThat(found.gatewayId()).isNull();
        });
    }

    @Test
    void refusesAWrongSecretAndAnUnknownSerial() {
        var owner = api.newPerson();
        var serial = newSerial();
        var secret = register(owner, newSite(owner), serial).path("secret").asString();

        assertThat(credentials.authenticate(serial, secret + "x")).isEmpty();
        assertThat(credentials.authenticate(serial, "")).isEmpty();
        assertThat(credentials.authenticate(newSerial(), secret)).isEmpty();
    }

    @Test
    void refusesTheOldSecretOnceReplaced() {
        var owner = api.newPerson();
        var serial = newSerial();
        var device = register(owner, newSite(owner), serial);
        var oldSecret = device.path("secret").asString();

        var newSecret = api.post("/api/v1/devices/" + device.path("id").asString() + "/secret", owner.token(), null)
                .json()
                .path("secret")
                .asString();

        assertThat(credentials.authenticate(serial, oldSecret)).isEmpty();
        assertThat(credentials.authenticate(serial, newSecret)).isPresent();
    }

    @Test
    void refusesEverySecretOnceDecommissioned() {
        var owner = api.newPerson();
        var serial = newSerial();
        var device = register(owner, newSite(owner), serial);
        var id = device.path("id").asString();
        var oldSecret = device.path("secret").asString();
        var newSecret = api.post("/api/v1/devices/" + id + "/secret", owner.token(), null)
                .json()
                .path("secret")
                .asString();

        assertThat(api.delete("/api/v1/devices/" + id, owner.token()).status()).isEqualTo(200);

        assertThat(credentials.authenticate(serial, newSecret)).isEmpty();
        assertThat(credentials.authenticate(serial, oldSecret)).isEmpty();
    }

    @Test
    void authenticatesOnlyTheNewRegistrationOfAReusedSerial() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var serial = newSerial();
        var first = register(owner, site, serial);
        api.delete("/api/v1/devices/" + first.path("id").asString(), owner.token());

        var second = register(owner, site, serial);

        assertThat(credentials.authenticate(serial, first.path("secret").asString()))
                .isEmpty();
        assertThat(credentials.authenticate(serial, second.path("secret").asString()))
                .hasValueSatisfying(found -> assertThat(found.id().value().toString())
                        .isEqualTo(second.path("id").asString()));
    }

    private JsonNode register(Account owner, String site, String serial) {
        var registered = api.post(
                "/api/v1/sites/" + site + "/devices",
                owner.token(),
                Map.of("serialNumber", serial, "kind", "grid_meter"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json();
    }

    private String newSite(Account owner) {
        var created = api.post(
                "/api/v1/sites", owner.token(), Map.of("name", "Home", "timeZone", "Europe/Berlin", "region", "eu"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static String newSerial() {
        return "GV-" + UUID.randomUUID();
    }
}
