package org.gridvault.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.gridvault.ApiClient;
import org.gridvault.ApiClient.Account;
import org.gridvault.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CorrectionNoticesIntegrationTests {

    private final ApiClient api;

    CorrectionNoticesIntegrationTests(ApiClient api) {
        this.api = api;
    }

    @Test
    void tellsTheInstallerWhoReadTheSiteThatItsAddressWasCorrectedAndNobodyElse() {
        var owner = api.newPerson();
        var site = site(owner);
        var reader = api.newPerson();
        var readerOrganisation = installerOrganisation(reader);
        grantInstaller(owner, site, readerOrganisation);
        var idle = api.newPerson();
        grantInstaller(owner, site, installerOrganisation(idle));
        assertThat(api.get("/api/v1/sites/" + site, reader.token()).status()).isEqualTo(200);

        var corrected = api.patch("/api/v1/sites/" + site, owner.token(), Map.of("address", "Hauptstraße 2"));
        var renamed = api.patch("/api/v1/sites/" + site, owner.token(), Map.of("name", "Holiday home"));

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        var notices = notices(owner);
        assertThat(notices).singleElement().satisfies(notice -> {
            assertThat(notice.path("recipientPersonId").asString())
                    .isEqualTo(reader.id().toString());
            assertThat(notice.path("recipientOrganisationId").asString()).isEqualTo(readerOrganisation);
            assertThat(notice.path("categories").toString()).isEqualTo("[\"contact.postal\"]");
            assertThat(notice.path("resource").asString()).isEqualTo("site:" + site);
            assertThat(notice.path("status").asString()).isEqualTo("pending-delivery");
        });
        assertThat(notices(reader)).isEmpty();
        assertThat(api.get("/api/v1/me/privacy-requests", owner.token())
                        .json()
                        .valueStream()
                        .filter(request -> request.path("type").asString().equals("rectification"))
                        .map(request -> request.path("status").asString() + " "
                                + request.path("detail").asString()))
                .contains("completed categories=contact.postal resource=site:" + site + " notices=1");
    }

    @Test
    void tellsTheMemberWhoSawTheNameThatItWasCorrectedButNotForAChangeOfLanguage() {
        var person = api.newPerson();
        var organisation = api.post(
                        "/api/v1/organisations",
                        person.token(),
                        Map.of("name", "Fleet " + person.id(), "kind", "installer"))
                .json()
                .path("id")
                .asString();
        var colleague = api.newPerson();
        var quiet = api.newPerson();
        for (var member : List.of(colleague, quiet)) {
            var added = api.post(
                    "/api/v1/organisations/" + organisation + "/members",
                    person.token(),
                    Map.of("email", member.email(), "role", "member"));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
        }
        assertThat(api.get("/api/v1/organisations/" + organisation + "/members", colleague.token())
                        .status())
                .isEqualTo(200);
        var before = notices(person).size();

        var language = api.patch("/api/v1/me", person.token(), Map.of("language", "zh"));
        var afterLanguage = notices(person).size();
        var name = api.patch("/api/v1/me", person.token(), Map.of("displayName", "Corrected Name"));

        assertThat(language.status()).as(language.body()).isEqualTo(200);
        assertThat(name.status()).as(name.body()).isEqualTo(200);
        assertThat(before).isZero();
        assertThat(afterLanguage).as("nobody received the language").isZero();
        assertThat(notices(person)).singleElement().satisfies(notice -> {
            assertThat(notice.path("recipientPersonId").asString())
                    .isEqualTo(colleague.id().toString());
            assertThat(notice.path("categories").toString()).isEqualTo("[\"contact.name\"]");
            assertThat(notice.path("status").asString()).isEqualTo("pending-delivery");
        });
    }

    private List<JsonNode> notices(Account person) {
        var response = api.get("/api/v1/me/correction-notices", person.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(response.json().spliterator(), false).toList();
    }

    private String site(Account owner) {
        var created = api.post(
                "/api/v1/sites",
                owner.token(),
                Map.of("name", "Home", "timeZone", "Europe/Berlin", "region", "eu", "address", "Hauptstraße 1"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private String installerOrganisation(Account admin) {
        return api.post(
                        "/api/v1/organisations",
                        admin.token(),
                        Map.of("name", "Installer " + admin.id(), "kind", "installer"))
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
}
