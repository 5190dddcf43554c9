package org.gridvault.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.gridvault.ApiClient;
import org.gridvault.ApiClient.Account;
import org.gridvault.IntegrationTest;
import org.junit.jupiter.api.Test;

/** A device reports through a gateway of its own site once paired; gateways do not nest. */
@IntegrationTest
class GatewayPairingIntegrationTests {

    private final ApiClient api;
    private final DeviceCredentials credentials;

    GatewayPairingIntegrationTests(ApiClient api, DeviceCredentials credentials) {
        this.api = api;
        this.credentials = credentials;
    }

    @Test
    void pairsADeviceWithAGatewayOfItsSite() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var gateway = register(owner, site, "gateway");
        var plugSerial = newSerial();
        var plug = register(owner, site, plugSerial, "smart_plug");

        var paired = pair(owner, plug.id(), gateway.id());

        assertThat(paired.status()).as(paired.body()).isEqualTo(200);
        assertThat(paired.json().path("gatewayId").asString()).isEqualTo(gateway.id());
        assertThat(api.get("/api/v1/devices/" + plug.id(), owner.token())
                        .json()
                        .path("gatewayId")
                        .asString())
                .isEqualTo(gateway.id());
        assertThat(credentials.authenticate(plugSerial, plug.secret()))
                .hasValueSatisfying(identity ->
                        assertThat(String.valueOf(identity.gatewayId())).isEqualTo(gateway.id()));
    }

    @Test
    void pairsOnlyWithAGateway() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var meter = register(owner, site, "grid_meter");
        var plug = register(owner, site, "smart_plug");

        var response = pair(owner, plug.id(), meter.id());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("devices:pairing.not-a-gateway");
    }

    @Test
    void doesNotNestGateways() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var upstream = register(owner, site, "gateway");
        var downstream = register(owner, site, "gateway");

        var response = pair(owner, downstream.id(), upstream.id());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("devices:pairing.nested");
    }

    @Test
    void pairsOnlyWithinOneSite() {
        var owner = api.newPerson();
        var gateway = register(owner, newSite(owner), "gateway");
        var plug = register(owner, newSite(owner), "smart_plug");

        var response = pair(owner, plug.id(), gateway.id());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("devices:pairing.other-site");
        assertThat(api.get("/api/v1/devices/" + plug.id(), owner.token()).json().has("gatewayId"))
                .isFalse();
    }

    @Test
    void hidesAGatewayOfASiteYouCannotSee() {
        var owner = api.newPerson();
        var plug = register(owner, newSite(owner), "smart_plug");
        var neighbour = api.newPerson();
        var gateway = register(neighbour, newSite(neighbour), "gateway");

        var response = pair(owner, plug.id(), gateway.id());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("devices:device.not-found");
    }

    @Test
    void unpairsADevice() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var gateway = register(owner, site, "gateway");
        var plug = register(owner, site, "smart_plug");
        pair(owner, plug.id(), gateway.id());

        var unpaired = api.delete("/api/v1/devices/" + plug.id() + "/gateway", owner.token());

        assertThat(unpaired.status()).isEqualTo(200);
        assertThat(unpaired.json().has("gatewayId")).isFalse();
        assertThat(api.get("/api/v1/devices/" + plug.id(), owner.token()).json().has("gatewayId"))
                .isFalse();
    }

    @Test
    void unpairsTheChildrenOfADecommissionedGateway() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var gateway = register(owner, site, "gateway");
        var plug = register(owner, site, "smart_plug");
        var meter = register(owner, site, "circuit_meter");
        pair(owner, plug.id(), gateway.id());
        pair(owner, meter.id(), gateway.id());

        assertThat(api.delete("/api/v1/devices/" + gateway.id(), owner.token()).status())
                .isEqualTo(200);

        for (var child : new Registered[] {plug, meter}) {
            var device = api.get("/api/v1/devices/" + child.id(), owner.token()).json();
            assertThat(device.has("gatewayId")).isFalse();
            assertThat(device.path("status").asString()).isEqualTo("in_service");
        }
        var repair = pair(owner, plug.id(), gateway.id());
        assertThat(repair.status()).isEqualTo(409);
        assertThat(repair.code()).isEqualTo("devices:device.decommissioned");
    }

    @Test
    void letsOnlyThoseWhoManageDevicesPairThem() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var gateway = register(owner, site, "gateway");
        var plug = register(owner, site, "smart_plug");
        var viewer = api.newPerson();
        var invited = api.post(
                "/api/v1/sites/" + site + "/grants", owner.token(), Map.of("email", viewer.email(), "role", "viewer"));
        api.post("/api/v1/me/invitations/" + invited.json().path("id").asString() + "/accept", viewer.token(), null);

        var response = pair(viewer, plug.id(), gateway.id());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("sites:permission.denied");
    }

    private record Registered(String id, String secret) {}

    private ApiClient.Response pair(Account person, String child, String gateway) {
        return api.put("/api/v1/devices/" + child + "/gateway", person.token(), Map.of("gatewayId", gateway));
    }

    private Registered register(Account owner, String site, String kind) {
        return register(owner, site, newSerial(), kind);
    }

    private Registered register(Account owner, String site, String serial, String kind) {
        var registered = api.post(
                "/api/v1/sites/" + site + "/devices", owner.token(), Map.of("serialNumber", serial, "kind", kind));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new Registered(
                registered.json().path("id").asString(),
                registered.json().path("secret").asString());
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
