package org.gridvault.sites;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.gridvault.ApiClient;
import org.gridvault.ApiClient.Account;
import org.gridvault.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@IntegrationTest
class SitesIntegrationTests {

    private final ApiClient api;

    SitesIntegrationTests(ApiClient api) {
        this.api = api;
    }

    @Test
    void makesTheCreatorItsOwnerAndEchoesWhatTheyGave() {
        var owner = api.newPerson();

        var created = api.post(
                "/api/v1/sites",
                owner.token(),
                Map.of(
                        "name", "Home",
                        "timeZone", "Europe/Berlin",
                        "region", "eu",
                        "address", "Sonnenallee 1, Berlin",
                        "latitude", 52.4862,
                        "longitude", 13.4447,
                        "installedOn", "2024-04-18"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var site = created.json();
        var id = site.path("id").asString();
        assertThat(created.header("Location")).hasValue("/api/v1/sites/" + id);
        assertThat(site.path("name").asString()).isEqualTo("Home");
        assertThat(site.path("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(site.path("region").asString()).isEqualTo("eu");
        assertThat(site.path("address").asString()).isEqualTo("Sonnenallee 1, Berlin");
        assertThat(site.path("latitude").asDouble()).isEqualTo(52.4862);
        assertThat(site.path("longitude").asDouble()).isEqualTo(13.4447);
        assertThat(site.path("installedOn").asString()).isEqualTo("2024-04-18");
        assertThat(site.path("role").asString()).isEqualTo("owner");
        var listed = api.get("/api/v1/sites", owner.token()).json();
        assertThat(listed.valueStream()
                        .map(each -> each.path("id").asString() + " "
                                + each.path("role").asString()))
                .containsExactly(id + " owner");
        var one = api.get("/api/v1/sites/" + id, owner.token());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("name").asString()).isEqualTo("Home");
        assertThat(one.json().path("address").asString()).isEqualTo("Sonnenallee 1, Berlin");
        assertThat(one.json().path("role").asString()).isEqualTo("owner");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus", "+02:00", "UTC+2", "europe/berlin", ""})
    void refusesWhatIsNotAnIanaTimeZone(String timeZone) {
        var response = create(api.newPerson(), site("timeZone", timeZone));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("sites:time-zone.invalid");
        assertThat(response.json().path("field").asString()).isEqualTo("timeZone");
    }

    @Test
    void refusesARegionThatIsNotOffered() {
        var response = create(api.newPerson(), site("region", "mars"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("sites:region.unknown");
    }

    @Test
    void namesEachMissingField() {
        var owner = api.newPerson();

        assertThat(create(owner, site("name", null)).code()).isEqualTo("sites:name.missing");
        assertThat(create(owner, site("timeZone", null)).code()).isEqualTo("sites:time-zone.missing");
        var noRegion = create(owner, site("region", null));
        assertThat(noRegion.status()).isEqualTo(422);
        assertThat(noRegion.code()).isEqualTo("sites:region.missing");
        assertThat(noRegion.json().path("field").asString()).isEqualTo("region");
        assertThat(api.get("/api/v1/sites", owner.token()).json().size()).isZero();
    }

    @Test
    void refusesABlankName() {
        var response = create(api.newPerson(), site("name", "  "));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("sites:name.invalid");
    }

    @Test
    void wantsLatitudeAndLongitudeTogether() {
        var details = site("latitude", 52.5);

        var response = create(api.newPerson(), details);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("sites:location.incomplete");
    }

    @Test
    void refusesCoordinatesOffTheGlobe() {
        var owner = api.newPerson();
        var tooFarNorth = site("latitude", 91);
        tooFarNorth.put("longitude", 0);
        var tooFarEast = site("latitude", 0);
        tooFarEast.put("longitude", 180.5);

        var north = create(owner, tooFarNorth);
        var east = create(owner, tooFarEast);

        assertThat(north.status()).isEqualTo(422);
        assertThat(north.code()).isEqualTo("sites:latitude.invalid");
        assertThat(east.status()).isEqualTo(422);
        assertThat(east.code()).isEqualTo("sites:longitude.invalid");
    }

    @Test
    void answersAnImpossibleInstallationDateAsABadRequest() {
        var response = create(api.newPerson(), site("installedOn", "2024-13-45"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("request:body.malformed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01", "+999999999-12-31", "-2024-01-01"})
    void refusesAnInstallationDateOutsideFourDigitYears(String installedOn) {
        var response = create(api.newPerson(), site("installedOn", installedOn));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("sites:installed-on.invalid");
    }

    @Test
    void answersTextWithANulCharacterAsABadRequest() {
        var owner = api.newPerson();

        var name = create(owner, site("name", "Home\0"));
        var address = create(owner, site("address", "Sonnenallee 1\0"));

        for (var response : new ApiClient.Response[] {name, address}) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.code()).isEqualTo("request:value.unsupported");
        }
    }

    @Test
    void isInvisibleToPeopleWithoutAGrant() {
        var owner = api.newPerson();
        var id = newSite(owner);
        var stranger = api.newPerson();

        var response = api.get("/api/v1/sites/" + id, stranger.token());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("sites:site.not-found");
        assertThat(api.get("/api/v1/sites", stranger.token()).json().size()).isZero();
        var change = api.patch("/api/v1/sites/" + id, stranger.token(), Map.of("name", "Mine now"));
        assertThat(change.status()).isEqualTo(404);
        assertThat(change.code()).isEqualTo("sites:site.not-found");
        var device = api.post(
                "/api/v1/sites/" + id + "/devices",
                stranger.token(),
                Map.of("serialNumber", "STRANGER-" + stranger.id(), "kind", "smart_plug"));
        assertThat(device.status()).isEqualTo(404);
        assertThat(device.code()).isEqualTo("sites:site.not-found");
        var grants = api.get("/api/v1/sites/" + id + "/grants", stranger.token());
        assertThat(grants.status()).isEqualTo(404);
        assertThat(grants.code()).isEqualTo("sites:site.not-found");
        assertThat(api.get("/api/v1/sites/" + id, owner.token())
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo("Home");
    }

    @Test
    void answersASiteIdThatIsNoUuidAsABadRequest() {
        var response = api.get("/api/v1/sites/not-a-uuid", api.newPerson().token());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("request:parameter.invalid");
    }

    @Test
    void letsTheOwnerChangeNameAndTimeZoneAndKeepsTheRest() {
        var owner = api.newPerson();
        var id = newSite(owner);

        var changed =
                api.patch("/api/v1/sites/" + id, owner.token(), Map.of("name", "Cottage", "timeZone", "Europe/Lisbon"));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        var site = api.get("/api/v1/sites/" + id, owner.token()).json();
        assertThat(site.path("name").asString()).isEqualTo("Cottage");
        assertThat(site.path("timeZone").asString()).isEqualTo("Europe/Lisbon");
        assertThat(site.path("region").asString()).isEqualTo("eu");
        assertThat(site.path("role").asString()).isEqualTo("owner");
    }

    @Test
    void refusesAnInvalidTimeZoneOnAChangeAndKeepsTheOldOne() {
        var owner = api.newPerson();
        var id = newSite(owner);

        var response = api.patch("/api/v1/sites/" + id, owner.token(), Map.of("timeZone", "+02:00"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("sites:time-zone.invalid");
        assertThat(api.get("/api/v1/sites/" + id, owner.token())
                        .json()
                        .path("timeZone")
                        .asString())
                .isEqualTo("Europe/Berlin");
    }

    /** A valid site description with one field replaced (or left out, for {@code null}). */
    private static Map<String, Object> site(String field, @Nullable Object value) {
        var details = new HashMap<String, Object>(Map.of("name", "Home", "timeZone", "Europe/Berlin", "region", "eu"));
        details.remove(field);
        if (value != null) {
            details.put(field, value);
        }
        return details;
    }

    private ApiClient.Response create(Account owner, Map<String, Object> details) {
        return api.post("/api/v1/sites", owner.token(), details);
    }

    private String newSite(Account owner) {
        var created = create(owner, site("name", "Home"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }
}
