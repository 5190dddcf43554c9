package org.gridvault.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.gridvault.ApiClient;
import org.gridvault.ApiClient.Account;
import org.gridvault.IntegrationTest;
import org.junit.jupiter.api.Test;

@IntegrationTest
class OrganisationsIntegrationTests {

    private final ApiClient api;

    OrganisationsIntegrationTests(ApiClient api) {
        this.api = api;
    }

    @Test
    void makesTheCreatorItsAdmin() {
        var creator = api.newPerson();

        var created = api.post(
                "/api/v1/organisations", creator.token(), Map.of("name", "Sunny Installers", "kind", "installer"));

        assertThat(created.status()).isEqualTo(201);
        var id = created.json().path("id").asString();
        assertThat(created.header("Location")).hasValue("/api/v1/organisations/" + id);
        var organisation =
                api.get("/api/v1/organisations/" + id, creator.token()).json();
        assertThat(organisation.path("name").asString()).isEqualTo("Sunny Installers");
        assertThat(organisation.path("kind").asString()).isEqualTo("installer");
        assertThat(organisation.path("role").asString()).isEqualTo("admin");
        var members = api.get(membersOf(id), creator.token()).json();
        assertThat(members.valueStream()
                        .map(member -> member.path("email").asString() + " "
                                + member.path("role").asString()))
                .containsExactly(creator.email() + " admin");
    }

    @Test
    void isInvisibleToPeopleWhoDoNotBelongToIt() {
        var id = newOrganisation(api.newPerson());
        var stranger = api.newPerson();

        var response = api.get("/api/v1/organisations/" + id, stranger.token());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("accounts:organisation.not-found");
        assertThat(api.get(membersOf(id), stranger.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/organisations", stranger.token()).json().size())
                .isZero();
    }

    @Test
    void letsAnAdminAddAMemberByEmailAddressWhateverItsCaseAndSurroundingSpaces() {
        var admin = api.newPerson();
        var id = newOrganisation(admin);
        var colleague = api.newPerson();

        var response = api.post(
                membersOf(id),
                admin.token(),
                Map.of("email", " " + colleague.email().toUpperCase(Locale.ROOT) + " "));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("personId").asString())
                .isEqualTo(colleague.id().toString());
        assertThat(response.json().path("role").asString()).isEqualTo("member");
        var theirs = api.get("/api/v1/organisations", colleague.token()).json();
        assertThat(theirs.valueStream()
                        .map(organisation -> organisation.path("id").asString()))
                .containsExactly(id);
    }

    @Test
    void refusesMemberChangesFromPlainMembers() {
        var admin = api.newPerson();
        var id = newOrganisation(admin);
        var member = api.newPerson();
        addMember(admin, id, member);

        var response = api.post(
                membersOf(id), member.token(), Map.of("email", api.newPerson().email()));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("accounts:organisation.admin-required");
    }

    @Test
    void rejectsAnEmailAddressWithoutAnAccount() {
        var admin = api.newPerson();
        var id = newOrganisation(admin);

        var response = api.post(membersOf(id), admin.token(), Map.of("email", ApiClient.uniqueEmail()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("accounts:person.not-found");
    }

    @Test
    void refusesToAddAMemberTwice() {
        var admin = api.newPerson();
        var id = newOrganisation(admin);
        var member = api.newPerson();
        addMember(admin, id, member);

        var response = api.post(membersOf(id), admin.token(), Map.of("email", member.email()));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("accounts:member.exists");
    }

    @Test
    void keepsItsLastAdmin() {
        var admin = api.newPerson();
        var id = newOrganisation(admin);

        var response = api.delete(membersOf(id) + "/" + admin.id(), admin.token());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("accounts:member.last-admin");
    }

    @Test
    void letsAnAdminRemoveAMember() {
        var admin = api.newPerson();
        var id = newOrganisation(admin);
        var member = api.newPerson();
        addMember(admin, id, member);

        assertThat(api.delete(membersOf(id) + "/" + member.id(), admin.token()).status())
                .isEqualTo(204);

        assertThat(api.get("/api/v1/organisations/" + id, member.token()).status())
                .isEqualTo(404);
    }

    @Test
    void rejectsAnUnknownKindAsABadRequest() {
        var person = api.newPerson();

        var response =
                api.post("/api/v1/organisations", person.token(), Map.of("name", "Spaceship", "kind", "spaceship"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("request:body.malformed");
    }

    private String newOrganisation(Account admin) {
        var created = api.post(
                "/api/v1/organisations", admin.token(), Map.of("name", "Fleet " + admin.id(), "kind", "fleet"));
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private void addMember(Account admin, String organisationId, Account member) {
        var added = api.post(membersOf(organisationId), admin.token(), Map.of("email", member.email()));
        assertThat(added.status()).isEqualTo(201);
    }

    private static String membersOf(String organisationId) {
        return "/api/v1/organisations/" + organisationId + "/members";
    }
}
