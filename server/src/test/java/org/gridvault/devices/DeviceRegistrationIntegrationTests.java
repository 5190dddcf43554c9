package org.gridvault.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.gridvault.ApiClient;
import org.gridvault.ApiClient.Account;
import org.gridvault.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class DeviceRegistrationIntegrationTests {

    private final ApiClient api;

    DeviceRegistrationIntegrationTests(ApiClient api) {
        this.api = api;
    }

    @Test
    void showsTheSecretOnlyInTheRegistrationResponse() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var serial = newSerial();

        var registered = api.post(
                devicesOf(site),
                owner.token(),
                Map.of(
                        "serialNumber",
                        serial,
                        "kind",
                        "battery",
                        "manufacturer",
                        "BYD",
                        "model",
                        "HVS 7.7",
                        "firmwareVersion",
                        "1.2.3"));

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        var device = registered.json();
        var id = device.path("id").asString();
        var secret = device.path("secret").asString();
        assertThat(secret).startsWith("gv_dev_").hasSizeGreaterThan("gv_dev_".length() + 40);
        assertThat(registered.header("Location")).hasValue("/api/v1/devices/" + id);
        assertThat(device.path("siteId").asString()).isEqualTo(site);
        assertThat(device.path("serialNumber").asString()).isEqualTo(serial);
        assertThat(device.path("kind").asString()).isEqualTo("battery");
        assertThat(device.path("manufacturer").asString()).isEqualTo("BYD");
        assertThat(device.path("model").asString()).isEqualTo("HVS 7.7");
        assertThat(device.path("firmwareVersion").asString()).isEqualTo("1.2.3");
        assertThat(device.path("status").asString()).isEqualTo("in_service");
        var list = api.get(devicesOf(site), owner.token());
        var one = api.get("/api/v1/devices/" + id, owner.token());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().valueStream().map(each -> each.path("id").asString()))
                .containsExactly(id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("serialNumber").asString()).isEqualTo(serial);
        for (var body : new String[] {list.body(), one.body()}) {
            assertThat(body).doesNotContain("secret").doesNotContain(secret);
        }
    }

    @Test
    void refusesASerialAlreadyInServiceEvenOnAnotherOwnersSite() {
        var serial = newSerial();
        var first = api.newPerson();
        var site = newSite(first);
        register(first, site, serial, "grid_meter");
        var second = api.newPerson();

        var sameSite = api.post(devicesOf(site), first.token(), Map.of("serialNumber", serial, "kind", "grid_meter"));
        var otherOwner =
                api.post(devicesOf(newSite(second)), second.token(), Map.of("serialNumber", serial, "kind", "battery"));

        for (var response : new ApiClient.Response[] {sameSite, otherOwner}) {
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.code()).isEqualTo("devices:serial.taken");
            assertThat(response.body()).doesNotContain("gv_dev_");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GV/0001", "GV+0001", "GV#0001", "GV 0001", "", " ", "-GV0001"})
    void refusesSerialsThatCannotBeAnMqttTopicLevel(String serial) {
        var owner = api.newPerson();

        var response = api.post(
                devicesOf(newSite(owner)), owner.token(), Map.of("serialNumber", serial, "kind", "smart_plug"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("devices:serial.invalid");
        assertThat(response.json().path("field").asString()).isEqualTo("serialNumber");
    }

    @Test
    void acceptsSerialsOfUpTo64Characters() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var longest = "L" + UUID.randomUUID().toString().replace("-", "") + "x".repeat(31);

        var sixtyFour = api.post(devicesOf(site), owner.token(), Map.of("serialNumber", longest, "kind", "smart_plug"));
        var sixtyFive =
                api.post(devicesOf(site), owner.token(), Map.of("serialNumber", longest + "y", "kind", "smart_plug"));

        assertThat(longest).hasSize(64);
        assertThat(sixtyFour.status()).as(sixtyFour.body()).isEqualTo(201);
        assertThat(sixtyFive.status()).isEqualTo(422);
        assertThat(sixtyFive.code()).isEqualTo("devices:serial.invalid");
    }

    @Test
    void answersADescriptionWithANulCharacterAsABadRequest() {
        var owner = api.newPerson();

        var response = api.post(
                devicesOf(newSite(owner)),
                owner.token(),
                Map.of("serialNumber", newSerial(), "kind", "battery", "model", "HVS\0"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("request:value.unsupported");
    }

    @Test
    void answersAnUnknownKindAsABadRequest() {
        var owner = api.newPerson();

        var response = api.post(
                devicesOf(newSite(owner)), owner.token(), Map.of("serialNumber", newSerial(), "kind", "toaster"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("request:body.malformed");
    }

    @Test
    void asksForAMissingKind() {
        var owner = api.newPerson();

        var response = api.post(devicesOf(newSite(owner)), owner.token(), Map.of("serialNumber", newSerial()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("request:body.invalid");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("kind");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "grid_meter",
                "pv_inverter",
                "battery",
                "ev_charger",
                "smart_plug",
                "circuit_meter",
                "gateway",
                "junction_box"
            })
    void registersEveryKindOfDevice(String kind) {
        var owner = api.newPerson();

        var response = register(owner, newSite(owner), newSerial(), kind);

        assertThat(response.path("kind").asString()).isEqualTo(kind);
    }

    @Test
    void decommissionsADeviceAndFreesItsSerial() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var serial = newSerial();
        var first = register(owner, site, serial, "ev_charger").path("id").asString();

        var decommissioned = api.delete("/api/v1/devices/" + first, owner.token());

        assertThat(decommissioned.status()).isEqualTo(200);
        assertThat(decommissioned.json().path("status").asString()).isEqualTo("decommissioned");
        assertThat(decommissioned.json().has("decommissionedAt")).isTrue();
        var again = api.delete("/api/v1/devices/" + first, owner.token());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("devices:device.decommissioned");
        var second = register(owner, site, serial, "ev_charger").path("id").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(api.get(devicesOf(site), owner.token())
                        .json()
                        .valueStream()
                        .map(each -> each.path("id").asString()))
                .containsExactly(second);
        assertThat(api.get(devicesOf(site) + "?includeDecommissioned=true", owner.token())
                        .json()
                        .valueStream()
                        .map(each -> each.path("id").asString() + " "
                                + each.path("status").asString()))
                .containsExactlyInAnyOrder(first + " decommissioned", second + " in_service");
        assertThat(api.get("/api/v1/devices/" + first, owner.token())
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("decommissioned");
    }

    @Test
    void replacesASecretWithANewOne() {
        var owner = api.newPerson();
        var device = register(owner, newSite(owner), newSerial(), "pv_inverter");
        var id = device.path("id").asString();

        var replaced = api.post("/api/v1/devices/" + id + "/secret", owner.token(), null);

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().path("id").asString()).isEqualTo(id);
        assertThat(replaced.json().path("secret").asString())
                .startsWith("gv_dev_")
                .isNotEqualTo(device.path("secret").asString());
        assertThat(api.get("/api/v1/devices/" + id, owner.token()).body()).doesNotContain("secret");
    }

    @Test
    void givesNoNewSecretToADecommissionedDevice() {
        var owner = api.newPerson();
        var id = register(owner, newSite(owner), newSerial(), "pv_inverter")
                .path("id")
                .asString();
        api.delete("/api/v1/devices/" + id, owner.token());

        var response = api.post("/api/v1/devices/" + id + "/secret", owner.token(), null);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("devices:device.decommissioned");
    }

    @Test
    void hidesDevicesOfSitesYouCannotSee() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var id = register(owner, site, newSerial(), "smart_plug").path("id").asString();
        var stranger = api.newPerson();

        var look = api.get("/api/v1/devices/" + id, stranger.token());
        var decommission = api.delete("/api/v1/devices/" + id, stranger.token());
        var secret = api.post("/api/v1/devices/" + id + "/secret", stranger.token(), null);
        var list = api.get(devicesOf(site), stranger.token());

        for (var response : new ApiClient.Response[] {look, decommission, secret}) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.code()).isEqualTo("devices:device.not-found");
        }
        assertThat(list.status()).isEqualTo(404);
        assertThat(list.code()).isEqualTo("sites:site.not-found");
        assertThat(api.get("/api/v1/devices/" + UUID.randomUUID(), owner.token())
                        .code())
                .isEqualTo("devices:device.not-found");
        assertThat(api.get("/api/v1/devices/" + id, owner.token())
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("in_service");
    }

    @Test
    void letsAViewerSeeDevicesButNotDecommissionThem() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var id = register(owner, site, newSerial(), "smart_plug").path("id").asString();
        var viewer = api.newPerson();
        var invited = api.post(
                "/api/v1/sites/" + site + "/grants", owner.token(), Map.of("email", viewer.email(), "role", "viewer"));
        api.post("/api/v1/me/invitations/" + invited.json().path("id").asString() + "/accept", viewer.token(), null);

        var look = api.get("/api/v1/devices/" + id, viewer.token());
        var decommission = api.delete("/api/v1/devices/" + id, viewer.token());
        var secret = api.post("/api/v1/devices/" + id + "/secret", viewer.token(), null);

        assertThat(look.status()).isEqualTo(200);
        assertThat(look.body()).doesNotContain("secret");
        assertThat(decommission.status()).isEqualTo(403);
        assertThat(decommission.code()).isEqualTo("sites:permission.denied");
        assertThat(secret.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/devices/" + id, owner.token())
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("in_service");
    }

    private JsonNode register(Account person, String site, String serial, String kind) {
        var registered = api.post(devicesOf(site), person.token(), Map.of("serialNumber", serial, "kind", kind));
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

    private static String devicesOf(String site) {
        return "/api/v1/sites/" + site + "/devices";
    }
}
