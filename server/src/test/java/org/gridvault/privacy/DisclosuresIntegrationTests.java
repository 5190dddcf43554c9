package org.gridvault.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.StreamSupport;
import org.gridvault.ApiClient;
import org.gridvault.ApiClient.Account;
import org.gridvault.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class DisclosuresIntegrationTests {

    private final ApiClient api;
    private final ProcessingFlags flags;

    DisclosuresIntegrationTests(ApiClient api, ProcessingFlags flags) {
        this.api = api;
        this.flags = flags;
    }

    @Test
    void recordsEveryReadByAnInstallerAndNoneByTheOwner() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var installer = api.newPerson();
        var organisation = installerOrganisation(installer, "Sunny Installers " + installer.id());
        grantInstaller(owner, site, organisation);

        int reads = 5;
        for (int i = 0; i < reads; i++) {
            assertThat(api.get("/api/v1/sites/" + site, installer.token()).status())
                    .isEqualTo(200);
        }
        assertThat(api.get("/api/v1/sites/" + site + "/devices", installer.token())
                        .status())
                .isEqualTo(200);
        api.get("/api/v1/sites/" + site, owner.token());
        api.get("/api/v1/sites/" + site + "/devices", owner.token());

        var disclosures = api.get("/api/v1/me/disclosures", owner.token()).json();
        var entries = entries(disclosures);
        assertThat(entries).hasSize(reads + 1);
        assertThat(disclosures.path("total").asLong()).isEqualTo(reads + 1);
        var newest = entries.getFirst();
        assertThat(newest.path("resource").asString()).isEqualTo("site:" + site);
        assertThat(newest.path("recipient").path("name").asString()).isEqualTo("Test Person");
        assertThat(newest.path("recipient").path("organisation").asString()).startsWith("Sunny Installers");
        assertThat(newest.path("purpose").asString()).isEqualTo("service");
        assertThat(newest.path("basis").asString()).startsWith("grant:installer:");
        assertThat(newest.path("categories").toString()).contains("location.precise");
        assertThat(entries(api.get("/api/v1/me/disclosures", installer.token()).json()))
                .isEmpty();
    }

    @Test
    void recordsWhatAViewerSawAndStopsDisclosingWhenTheOwnerRestrictsProcessing() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var viewer = api.newPerson();
        var invitation = api.post(
                "/api/v1/sites/" + site + "/grants", owner.token(), Map.of("email", viewer.email(), "role", "viewer"));
        api.post("/api/v1/me/invitations/" + invitation.json().path("id").asString() + "/accept", viewer.token(), null);

        assertThat(api.get("/api/v1/sites/" + site, viewer.token()).status()).isEqualTo(200);
        assertThat(entries(api.get("/api/v1/me/disclosures", owner.token()).json()))
                .singleElement()
                .satisfies(entry -> assertThat(entry.path("basis").asString()).startsWith("grant:viewer:"));

        flags.restrict(new SubjectId(owner.id()), true);
        var refused = api.get("/api/v1/sites/" + site, viewer.token());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("privacy:access.denied");
        assertThat(api.get("/api/v1/sites", viewer.token()).json().size()).isZero();
        assertThat(entries(api.get("/api/v1/me/disclosures", owner.token()).json()))
                .hasSize(1);
    }

    @Test
    void pagesNewestFirst() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var installer = api.newPerson();
        grantInstaller(owner, site, installerOrganisation(installer, "Pager " + installer.id()));
        for (int i = 0; i < 3; i++) {
            api.get("/api/v1/sites/" + site, installer.token());
        }

        var first = entries(
                api.get("/api/v1/me/disclosures?page=0&size=2", owner.token()).json());
        var second = entries(
                api.get("/api/v1/me/disclosures?page=1&size=2", owner.token()).json());

        assertThat(first).hasSize(2);
        assertThat(second).hasSize(1);
        assertThat(first.get(0).path("id").asLong())
                .isGreaterThan(first.get(1).path("id").asLong());
        assertThat(first.get(1).path("id").asLong())
                .isGreaterThan(second.get(0).path("id").asLong());
        assertThat(api.get("/api/v1/me/disclosures?size=0", owner.token()).status())
                .isEqualTo(400);
    }

    private String newSite(Account owner) {
        var created = api.post(
                "/api/v1/sites",
                owner.token(),
                Map.of(
                        "name",
                        "Home",
                        "timeZone",
                        "Europe/Berlin",
                        "region",
                        "eu",
                        "latitude",
                        52.5,
                        "longitude",
                        13.4));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private String installerOrganisation(Account admin, String name) {
        return api.post("/api/v1/organisations", admin.token(), Map.of("name", name, "kind", "installer"))
                .json()
                .path("id")
                .asString();
    }

    private void grantInstaller(Account owner, String site, String organisation) {
        var granted = api.post(
                "/api/v1/sites/" + site + "/grants",
                owner.token(),
                Map.of("organisationId", organisation, "role", "installer"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
    }

    private static java.util.List<JsonNode> entries(JsonNode page) {
        return StreamSupport.stream(page.path("entries").spliterator(), false).toList();
    }
}
