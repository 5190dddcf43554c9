package org.gridvault.sites;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.gridvault.ApiClient;
import org.gridvault.ApiClient.Account;
import org.gridvault.IntegrationTest;
import org.junit.jupiter.api.Test;

/** What an owner sees of a site's grants, and grant requests that make no sense. */
@IntegrationTest
class GrantsIntegrationTests {

    private final ApiClient api;

    GrantsIntegrationTests(ApiClient api) {
        this.api = api;
    }

    @Test
    void showsTheOwnerEveryGrantWithItsStatus() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var organisation = newInstallerOrganisation(api.newPerson());
        var installer = post(owner, site, Map.of("organisationId", organisation, "role", "installer"));
        var pendingEmail = ApiClient.uniqueEmail();
        var pending = post(owner, site, Map.of("email", pendingEmail, "role", "viewer"));
        var viewer = api.newPerson();
        var accepted = post(owner, site, Map.of("email", viewer.email(), "role", "viewer"));
        api.post("/api/v1/me/invitations/" + id(accepted) + "/accept", viewer.token(), null);
        var revokedEmail = ApiClient.uniqueEmail();
        var revoked = post(owner, site, Map.of("email", revokedEmail, "role", "viewer"));
        api.delete(grantsOf(site) + "/" + id(revoked), owner.token());

        var response = api.get(grantsOf(site), owner.token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()
                        .valueStream()
                        .map(grant -> grant.path("role").asString() + " "
                                + grant.path("status").asString() + " "
                                + grant.path("personId").asString("-") + " "
                                + grant.path("organisationId").asString("-") + " "
                                + grant.path("email").asString("-")))
                .containsExactlyInAnyOrder(
                        "owner active " + owner.id() + " - -",
                        "installer active - " + organisation + " -",
                        "viewer pending - - " + pendingEmail,
                        "viewer active " + viewer.id() + " - " + viewer.email(),
                        "viewer revoked - - " + revokedEmail);
        var ids = response.json().valueStream().map(grant -> grant.path("id").asString());
        assertThat(ids).contains(id(installer), id(pending), id(accepted), id(revoked));
        var revokedGrant = response.json()
                .valueStream()
                .filter(grant -> grant.path("id").asString().equals(id(revoked)))
                .findFirst()
                .orElseThrow();
        assertThat(revokedGrant.has("endedAt")).isTrue();
    }

    @Test
    void answersAnUnknownRoleAsABadRequest() {
        var owner = api.newPerson();

        var response = post(owner, newSite(owner), Map.of("email", ApiClient.uniqueEmail(), "role", "admin"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("request:body.malformed");
    }

    @Test
    void asksForAMissingRole() {
        var owner = api.newPerson();

        var response = post(owner, newSite(owner), Map.of("email", ApiClient.uniqueEmail()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("sites:grant.role-missing");
        assertThat(response.json().path("field").asString()).isEqualTo("role");
    }

    @Test
    void refusesToGrantASecondOwner() {
        var owner = api.newPerson();

        var response = post(owner, newSite(owner), Map.of("email", ApiClient.uniqueEmail(), "role", "owner"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("sites:grant.role-invalid");
    }

    @Test
    void answersAGrantRequestWithoutABodyAsABadRequest() {
        var owner = api.newPerson();

        var response = api.post(grantsOf(newSite(owner)), owner.token(), null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("request:body.malformed");
    }

    private ApiClient.Response post(Account owner, String site, Map<String, Object> grant) {
        return api.post(grantsOf(site), owner.token(), grant);
    }

    private String newSite(Account owner) {
        var created = api.post(
                "/api/v1/sites", owner.token(), Map.of("name", "Home", "timeZone", "Europe/Berlin", "region", "eu"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private String newInstallerOrganisation(Account admin) {
        var created = api.post(
                "/api/v1/organisations",
                admin.token(),
                Map.of("name", "Installers " + admin.id(), "kind", "installer"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static String id(ApiClient.Response created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static String grantsOf(String site) {
        return "/api/v1/sites/" + site + "/grants";
    }
}
