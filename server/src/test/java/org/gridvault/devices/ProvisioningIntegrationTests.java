package org.gridvault.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.gridvault.ApiClient;
import org.gridvault.ApiClient.Account;
import org.gridvault.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Operators provision devices before sale; a buyer claims one onto their site with the code on its label. */
@IntegrationTest
class ProvisioningIntegrationTests {

    private static final String PROVISIONED_DEVICES = "/api/v1/admin/provisioned-devices";

    private final ApiClient api;

    ProvisioningIntegrationTests(ApiClient api) {
        this.api = api;
    }

    @Test
    void isForOperatorsOnly() {
        var person = api.newPerson();

        var response =
                api.post(PROVISIONED_DEVICES, person.token(), Map.of("serialNumber", newSerial(), "kind", "battery"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("accounts:access.denied");
        assertThat(api.post(PROVISIONED_DEVICES, null, Map.of("serialNumber", newSerial(), "kind", "battery"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void givesTheOperatorAClaimCodeForTheLabel() {
        var serial = newSerial();

        var response = api.post(
                PROVISIONED_DEVICES,
                api.operatorToken(),
                Map.of("serialNumber", serial, "kind", "pv_inverter", "manufacturer", "SMA"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("serialNumber").asString()).isEqualTo(serial);
        assertThat(response.json().path("kind").asString()).isEqualTo("pv_inverter");
        assertThat(response.json().path("claimCode").asString())
                .matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    }

    @Test
    void provisionsASerialOnce() {
        var operator = api.operatorToken();
        var serial = newSerial();
        provision(operator, serial);

        var response = api.post(PROVISIONED_DEVICES, operator, Map.of("serialNumber", serial, "kind", "battery"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("devices:serial.provisioned");
    }

    @Test
    void refusesAnInvalidSerial() {
        var response = api.post(
                PROVISIONED_DEVICES, api.operatorToken(), Map.of("serialNumber", "GV/0001", "kind", "battery"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("devices:serial.invalid");
    }

    @Test
    void letsAnOwnerClaimTheDeviceWithTheCodeTypedCarelessly() {
        var serial = newSerial();
        var code = provision(api.operatorToken(), serial);
        var owner = api.newPerson();
        var site = newSite(owner);

        var claimed = claim(owner, site, serial, code.replace("-", "").toLowerCase(Locale.ROOT));

        assertThat(claimed.status()).as(claimed.body()).isEqualTo(201);
        assertThat(claimed.json().path("secret").asString()).startsWith("gv_dev_");
        assertThat(claimed.json().path("serialNumber").asString()).isEqualTo(serial);
        assertThat(claimed.json().path("kind").asString()).isEqualTo("pv_inverter");
        assertThat(claimed.json().path("manufacturer").asString()).isEqualTo("SMA");
        assertThat(claimed.json().path("siteId").asString()).isEqualTo(site);
        assertThat(api.get("/api/v1/sites/" + site + "/devices", owner.token())
                        .json()
                        .valueStream()
                        .map(device -> device.path("serialNumber").asString()))
                .containsExactly(serial);
    }

    @Test
    void canBeClaimedOnlyOnce() {
        var serial = newSerial();
        var code = provision(api.operatorToken(), serial);
        var owner = api.newPerson();
        var site = newSite(owner);
        claim(owner, site, serial, code);

        var again = claim(owner, site, serial, code);

        assertThat(again.status()).isEqualTo(422);
        assertThat(again.code()).isEqualTo("devices:claim.invalid");
        assertThat(again.body()).doesNotContain("gv_dev_");
    }

    @Test
    void answersAWrongCodeAndAnUnknownSerialAlike() {
        var serial = newSerial();
        var code = provision(api.operatorToken(), serial);
        var owner = api.newPerson();
        var site = newSite(owner);
        var wrongCode = (code.startsWith("0") ? "1" : "0") + code.substring(1);

        var wrong = claim(owner, site, serial, wrongCode);
        var unknown = claim(owner, site, newSerial(), code);

        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.code()).isEqualTo("devices:claim.invalid");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.code()).isEqualTo("devices:claim.invalid");
        assertThat(unknown.json().path("detail").asString())
                .isEqualTo(wrong.json().path("detail").asString());
        assertThat(claim(owner, site, serial, code).status()).isEqualTo(201);
    }

    @Test
    void claimsOnlyOntoASiteYouManage() {
        var serial = newSerial();
        var code = provision(api.operatorToken(), serial);
        var owner = api.newPerson();
        var site = newSite(owner);
        var stranger = api.newPerson();

        var response = claim(stranger, site, serial, code);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("sites:site.not-found");
        assertThat(claim(owner, site, serial, code).status()).isEqualTo(201);
    }

    private String provision(String operator, String serial) {
        var provisioned = api.post(
                PROVISIONED_DEVICES,
                operator,
                Map.of("serialNumber", serial, "kind", "pv_inverter", "manufacturer", "SMA"));
        assertThat(provisioned.status()).as(provisioned.body()).isEqualTo(201);
        return provisioned.json().path("claimCode").asString();
    }

    private ApiClient.Response claim(Account person, String site, String serial, String code) {
        return api.post(
                "/api/v1/sites/" + site + "/devices/claims",
                person.token(),
                Map.of("serialNumber", serial, "claimCode", code));
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
