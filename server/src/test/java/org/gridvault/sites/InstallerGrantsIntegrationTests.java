package org.gridvault.sites;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.gridvault.ApiClient;
import org.gridvault.ApiClient.Account;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An owner grants an installer organisation access to a site; its members see the site until it ends. */
@IntegrationTest
class InstallerGrantsIntegrationTests {

    private final ApiClient api;
    private final MutableClock clock;

    InstallerGrantsIntegrationTests(ApiClient api, MutableClock clock) {
        this.api = api;
        this.clock = clock;
    }

    @Test
    void letsEveryMemberOfTheInstallerOrganisationSeeTheSiteAsInstaller() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var installer = api.newPerson();
        var organisation = newOrganisation(installer, "installer");
        var colleague = api.newPerson();
        addMember(installer, organisation, colleague);

        var granted = grantInstaller(owner, site, organisation);

        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(granted.json().path("role").asString()).isEqualTo("installer");
        assertThat(granted.json().path("status").asString()).isEqualTo("active");
        assertThat(granted.json().path("organisationId").asString()).isEqualTo(organisation);
        for (var member : new Account[] {installer, colleague}) {
            assertThat(api.get("/api/v1/sites", member.token())
                            .json()
                            .valueStream()
                            .map(each -> each.path("id").asString() + " "
                                    + each.path("role").asString()))
                    .containsExactly(site + " installer");
            var one = api.get("/api/v1/sites/" + site, member.token());
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.json().path("role").asString()).isEqualTo("installer");
        }
        var ofOrganisation = api.get(sitesOf(organisation), colleague.token());
        assertThat(ofOrganisation.status()).isEqualTo(200);
        assertThat(ofOrganisation
                        .json()
                        .valueStream()
                        .map(each -> each.path("id").asString()))
                .containsExactly(site);
    }

    @Test
    void keepsTheOrganisationsSiteListFromNonMembers() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var organisation = newOrganisation(api.newPerson(), "installer");
        grantInstaller(owner, site, organisation);

        var response = api.get(sitesOf(organisation), owner.token());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("accounts:organisation.not-found");
    }

    @Test
    void letsAnInstallerRegisterDevicesButNotChangeOrShareTheSite() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var installer = api.newPerson();
        grantInstaller(owner, site, newOrganisation(installer, "installer"));

        var device = api.post(
                "/api/v1/sites/" + site + "/devices",
                installer.token(),
                Map.of("serialNumber", "INST-" + UUID.randomUUID(), "kind", "pv_inverter"));
        var change = api.patch("/api/v1/sites/" + site, installer.token(), Map.of("name", "Renamed"));
        var grants = api.get("/api/v1/sites/" + site + "/grants", installer.token());

        assertThat(device.status()).as(device.body()).isEqualTo(201);
        assertThat(change.status()).isEqualTo(403);
        assertThat(change.code()).isEqualTo("sites:permission.denied");
        assertThat(change.json().path("role").asString()).isEqualTo("installer");
        assertThat(grants.status()).isEqualTo(403);
        assertThat(grants.code()).isEqualTo("sites:permission.denied");
        var sharing = api.post(
                "/api/v1/sites/" + site + "/grants",
                installer.token(),
                Map.of("email", ApiClient.uniqueEmail(), "role", "viewer"));
        assertThat(sharing.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/sites/" + site, owner.token())
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo("Home");
    }

    @Test
    void grantsOnlyInstallerOrganisations() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var fleet = newOrganisation(api.newPerson(), "fleet");

        var response = grantInstaller(owner, site, fleet);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("sites:organisation.not-installer");
    }

    @Test
    void refusesAnUnknownOrganisation() {
        var owner = api.newPerson();

        var response = grantInstaller(owner, newSite(owner), UUID.randomUUID().toString());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("sites:organisation.not-found");
        assertThat(response.json().path("field").asString()).isEqualTo("organisationId");
    }

    @Test
    void refusesToGrantTheSameOrganisationTwice() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var organisation = newOrganisation(api.newPerson(), "installer");
        grantInstaller(owner, site, organisation);

        var response = grantInstaller(owner, site, organisation);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("sites:grant.exists");
    }

    @Test
    void refusesAnExpiryInThePast() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var organisation = newOrganisation(api.newPerson(), "installer");

        var response = api.post(
                grantsOf(site),
                owner.token(),
                Map.of(
                        "organisationId",
                        organisation,
                        "role",
                        "installer",
                        "expiresAt",
                        clock.instant().minusSeconds(60).toString()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("sites:grant.expiry-past");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z"})
    void refusesAnExpiryBeyondTheYear9999(String expiresAt) {
        var owner = api.newPerson();
        var site = newSite(owner);
        var organisation = newOrganisation(api.newPerson(), "installer");

        var response = api.post(
                grantsOf(site),
                owner.token(),
                Map.of("organisationId", organisation, "role", "installer", "expiresAt", expiresAt));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("sites:grant.expiry-too-late");
    }

    @Test
    void wantsTheOrganisationOfAnInstallerGrant() {
        var owner = api.newPerson();

        var response = api.post(grantsOf(newSite(owner)), owner.token(), Map.of("role", "installer"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("field").asString()).isEqualTo("organisationId");
    }

    @Test
    void endsTheInstallersAccessTheMomentItIsRevoked() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var installer = api.newPerson();
        var organisation = newOrganisation(installer, "installer");
        var grant = grantInstaller(owner, site, organisation).json().path("id").asString();
        assertThat(api.get("/api/v1/sites/" + site, installer.token()).status()).isEqualTo(200);

        var revoked = api.delete(grantsOf(site) + "/" + grant, owner.token());

        assertThat(revoked.status()).isEqualTo(204);
        var response = api.get("/api/v1/sites/" + site, installer.token());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("sites:site.not-found");
        assertThat(api.get("/api/v1/sites", installer.token()).json().size()).isZero();
        assertThat(api.get(sitesOf(organisation), installer.token()).json().size())
                .isZero();
        var again = api.delete(grantsOf(site) + "/" + grant, owner.token());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("sites:grant.ended");
    }

    @Test
    void letsTheOwnerGrantTheOrganisationAgainAfterRevokingIt() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var installer = api.newPerson();
        var organisation = newOrganisation(installer, "installer");
        var grant = grantInstaller(owner, site, organisation).json().path("id").asString();
        api.delete(grantsOf(site) + "/" + grant, owner.token());

        var again = grantInstaller(owner, site, organisation);

        assertThat(again.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/sites/" + site, installer.token()).status()).isEqualTo(200);
    }

    @Test
    void keepsTheOwnersOwnGrant() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var ownerGrant = api.get(grantsOf(site), owner.token())
                .json()
                .valueStream()
                .filter(grant -> grant.path("role").asString().equals("owner"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();

        var response = api.delete(grantsOf(site) + "/" + ownerGrant, owner.token());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("sites:grant.owner");
        assertThat(api.get("/api/v1/sites/" + site, owner.token()).status()).isEqualTo(200);
    }

    @Test
    void answersARevocationOfAGrantOfAnotherSiteAsNotFound() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var other = newSite(owner);
        var grant = grantInstaller(owner, other, newOrganisation(api.newPerson(), "installer"))
                .json()
                .path("id")
                .asString();

        var response = api.delete(grantsOf(site) + "/" + grant, owner.token());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("sites:grant.not-found");
    }

    @Test
    void endsAnExpiringGrantWhenItsTimeIsUp() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var installer = api.newPerson();
        var organisation = newOrganisation(installer, "installer");
        grantInstallerFor(owner, site, organisation, Duration.ofHours(1));
        assertThat(api.get("/api/v1/sites/" + site, installer.token()).status()).isEqualTo(200);

        clock.advance(Duration.ofHours(2));

        var response = api.get("/api/v1/sites/" + site, installer.token());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("sites:site.not-found");
        assertThat(api.get("/api/v1/sites", installer.token()).json().size()).isZero();
        assertThat(api.get(sitesOf(organisation), installer.token()).json().size())
                .isZero();
    }

    @Test
    void showsAnExpiredGrantAsExpiredAndLetsTheOwnerGrantAgain() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var installer = api.newPerson();
        var organisation = newOrganisation(installer, "installer");
        grantInstallerFor(owner, site, organisation, Duration.ofHours(1));
        clock.advance(Duration.ofHours(2));

        var listed = api.get(grantsOf(site), owner.token()).json();
        var expired = java.util.stream.StreamSupport.stream(listed.spliterator(), false)
                .filter(grant -> grant.path("role").asString().equals("installer"))
                .findFirst()
                .orElseThrow();
        assertThat(expired.path("status").asString()).isEqualTo("expired");

        var again = grantInstaller(owner, site, organisation);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/sites/" + site, installer.token()).status()).isEqualTo(200);
    }

    private void grantInstallerFor(Account owner, String site, String organisation, Duration lifetime) {
        var granted = api.post(
                grantsOf(site),
                owner.token(),
                Map.of(
                        "organisationId",
                        organisation,
                        "role",
                        "installer",
                        "expiresAt",
                        clock.instant().plus(lifetime).toString()));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
    }

    private ApiClient.Response grantInstaller(Account owner, String site, String organisation) {
        return api.post(grantsOf(site), owner.token(), Map.of("organisationId", organisation, "role", "installer"));
    }

    private String newSite(Account owner) {
        var created = api.post(
                "/api/v1/sites", owner.token(), Map.of("name", "Home", "timeZone", "Europe/Berlin", "region", "eu"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private String newOrganisation(Account admin, String kind) {
        var created = api.post(
                "/api/v1/organisations", admin.token(), Map.of("name", "Organisation " + admin.id(), "kind", kind));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private void addMember(Account admin, String organisation, Account member) {
        var added = api.post(
                "/api/v1/organisations/" + organisation + "/members", admin.token(), Map.of("email", member.email()));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
    }

    private static String grantsOf(String site) {
        return "/api/v1/sites/" + site + "/grants";
    }

    private static String sitesOf(String organisation) {
        return "/api/v1/organisations/" + organisation + "/sites";
    }
}
