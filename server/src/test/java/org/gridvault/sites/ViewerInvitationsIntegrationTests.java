package org.gridvault.sites;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.gridvault.ApiClient;
import org.gridvault.ApiClient.Account;
import org.gridvault.IntegrationTest;
import org.junit.jupiter.api.Test;

/** An owner invites a person by e-mail to view a site; the invitee sees it once they accept. */
@IntegrationTest
class ViewerInvitationsIntegrationTests {

    private final ApiClient api;

    ViewerInvitationsIntegrationTests(ApiClient api) {
        this.api = api;
    }

    @Test
    void givesAccessOnlyOnceTheInviteeAccepts() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var invitee = api.newPerson();

        var invited = invite(owner, site, invitee.email());

        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        assertThat(invited.json().path("role").asString()).isEqualTo("viewer");
        assertThat(invited.json().path("status").asString()).isEqualTo("pending");
        assertThat(invited.json().path("email").asString()).isEqualTo(invitee.email());
        var grant = invited.json().path("id").asString();
        var before = api.get("/api/v1/sites/" + site, invitee.token());
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.code()).isEqualTo("sites:site.not-found");
        assertThat(api.get("/api/v1/sites", invitee.token()).json().size()).isZero();
        assertThat(api.get("/api/v1/me/invitations", invitee.token())
                        .json()
                        .valueStream()
                        .map(invitation -> invitation.path("id").asString() + " "
                                + invitation.path("siteId").asString()))
                .containsExactly(grant + " " + site);

        var accepted = api.post(accept(grant), invitee.token(), null);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().path("status").asString()).isEqualTo("active");
        assertThat(accepted.json().path("personId").asString())
                .isEqualTo(invitee.id().toString());
        var after = api.get("/api/v1/sites/" + site, invitee.token());
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().path("role").asString()).isEqualTo("viewer");
        assertThat(api.get("/api/v1/sites", invitee.token())
                        .json()
                        .valueStream()
                        .map(each -> each.path("id").asString() + " "
                                + each.path("role").asString()))
                .containsExactly(site + " viewer");
        assertThat(api.get("/api/v1/me/invitations", invitee.token()).json().size())
                .isZero();
    }

    @Test
    void refusesAnInvitationToSomethingThatIsNotAnEmailAddress() {
        var owner = api.newPerson();

        var response = invite(owner, newSite(owner), "not-an-email");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("sites:email.invalid");
    }

    @Test
    void letsAViewerLookButNotTouch() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var viewer = api.newPerson();
        acceptInvitation(owner, site, viewer);

        var device = api.post(
                "/api/v1/sites/" + site + "/devices",
                viewer.token(),
                Map.of("serialNumber", "VIEW-" + UUID.randomUUID(), "kind", "smart_plug"));
        var change = api.patch("/api/v1/sites/" + site, viewer.token(), Map.of("name", "Renamed"));
        var grants = api.get("/api/v1/sites/" + site + "/grants", viewer.token());

        assertThat(device.status()).isEqualTo(403);
        assertThat(device.code()).isEqualTo("sites:permission.denied");
        assertThat(device.json().path("role").asString()).isEqualTo("viewer");
        assertThat(change.status()).isEqualTo(403);
        assertThat(change.code()).isEqualTo("sites:permission.denied");
        assertThat(grants.status()).isEqualTo(403);
        assertThat(grants.code()).isEqualTo("sites:permission.denied");
        assertThat(api.get("/api/v1/sites/" + site + "/devices", viewer.token()).status())
                .isEqualTo(200);
    }

    @Test
    void givesNoAccessWhenTheInviteeDeclines() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var invitee = api.newPerson();
        var grant = invite(owner, site, invitee.email()).json().path("id").asString();

        var declined = api.post("/api/v1/me/invitations/" + grant + "/decline", invitee.token(), null);

        assertThat(declined.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/sites/" + site, invitee.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/me/invitations", invitee.token()).json().size())
                .isZero();
        var lateAcceptance = api.post(accept(grant), invitee.token(), null);
        assertThat(lateAcceptance.status()).isEqualTo(404);
        assertThat(lateAcceptance.code()).isEqualTo("sites:invitation.not-found");
        assertThat(statusOf(owner, site, grant)).isEqualTo("declined");
    }

    @Test
    void cannotBeAcceptedBySomeoneElse() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var invitee = api.newPerson();
        var grant = invite(owner, site, invitee.email()).json().path("id").asString();
        var thirdPerson = api.newPerson();

        var response = api.post(accept(grant), thirdPerson.token(), null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("sites:invitation.not-found");
        assertThat(api.post("/api/v1/me/invitations/" + grant + "/decline", thirdPerson.token(), null)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/sites/" + site, thirdPerson.token()).status())
                .isEqualTo(404);
        assertThat(statusOf(owner, site, grant)).isEqualTo("pending");
    }

    @Test
    void cannotBeAcceptedOnceRevoked() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var invitee = api.newPerson();
        var grant = invite(owner, site, invitee.email()).json().path("id").asString();

        assertThat(api.delete("/api/v1/sites/" + site + "/grants/" + grant, owner.token())
                        .status())
                .isEqualTo(204);

        assertThat(api.get("/api/v1/me/invitations", invitee.token()).json().size())
                .isZero();
        assertThat(api.post(accept(grant), invitee.token(), null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/sites/" + site, invitee.token()).status()).isEqualTo(404);
    }

    @Test
    void endsAViewersAccessWhenRevoked() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var viewer = api.newPerson();
        var grant = acceptInvitation(owner, site, viewer);

        assertThat(api.delete("/api/v1/sites/" + site + "/grants/" + grant, owner.token())
                        .status())
                .isEqualTo(204);

        assertThat(api.get("/api/v1/sites/" + site, viewer.token()).status()).isEqualTo(404);
    }

    @Test
    void refusesToInviteTheOwner() {
        var owner = api.newPerson();

        var response = invite(owner, newSite(owner), " " + owner.email().toUpperCase(Locale.ROOT));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("sites:grant.self");
    }

    @Test
    void refusesToInviteTheSameAddressTwice() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var email = ApiClient.uniqueEmail();
        invite(owner, site, email);

        var response = invite(owner, site, email.toUpperCase(Locale.ROOT));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("sites:grant.exists");
    }

    @Test
    void wantsTheAddressOfAViewer() {
        var owner = api.newPerson();

        var response = api.post(
                "/api/v1/sites/" + newSite(owner) + "/grants", owner.token(), Map.of("role", "viewer", "email", " "));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("field").asString()).isEqualTo("email");
    }

    @Test
    void canBeAcceptedBySomeoneWhoSignsUpAfterwardsWhateverTheCaseOfTheAddress() {
        var owner = api.newPerson();
        var site = newSite(owner);
        var email = "Later-" + UUID.randomUUID() + "@Example.COM";
        var grant = invite(owner, site, email).json().path("id").asString();

        var password = "password-" + UUID.randomUUID();
        assertThat(api.signUp(email.toLowerCase(Locale.ROOT), password, "Late Comer")
                        .status())
                .isEqualTo(201);
        var token = api.logIn(email, password);

        assertThat(api.get("/api/v1/me/invitations", token)
                        .json()
                        .valueStream()
                        .map(invitation -> invitation.path("id").asString()))
                .containsExactly(grant);
        assertThat(api.post(accept(grant), token, null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/sites/" + site, token).json().path("role").asString())
                .isEqualTo("viewer");
    }

    private ApiClient.Response invite(Account owner, String site, String email) {
        return api.post("/api/v1/sites/" + site + "/grants", owner.token(), Map.of("email", email, "role", "viewer"));
    }

    private String acceptInvitation(Account owner, String site, Account viewer) {
        var invited = invite(owner, site, viewer.email());
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        var grant = invited.json().path("id").asString();
        assertThat(api.post(accept(grant), viewer.token(), null).status()).isEqualTo(200);
        return grant;
    }

    private String statusOf(Account owner, String site, String grant) {
        return api.get("/api/v1/sites/" + site + "/grants", owner.token())
                .json()
                .valueStream()
                .filter(each -> each.path("id").asString().equals(grant))
                .findFirst()
                .orElseThrow()
                .path("status")
                .asString();
    }

    private String newSite(Account owner) {
        var created = api.post(
                "/api/v1/sites", owner.token(), Map.of("name", "Home", "timeZone", "Europe/Berlin", "region", "eu"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static String accept(String grant) {
        return "/api/v1/me/invitations/" + grant + "/accept";
    }
}
