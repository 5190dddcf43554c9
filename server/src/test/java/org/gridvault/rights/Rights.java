package org.gridvault.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.gridvault.ApiClient;
import org.gridvault.ApiClient.Account;

/** What the tests of data-subject rights do over the API, in one place. */
final class Rights {

    private final ApiClient api;

    Rights(ApiClient api) {
        this.api = api;
    }

    void reauthenticate(Account person) {
        var confirmed = api.post("/api/v1/me/reauthentication", person.token(), Map.of("password", person.password()));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    }

    String newSite(Account owner) {
        var created = api.post(
                "/api/v1/sites",
                owner.token(),
                Map.of(
                        "name", "Home",
                        "timeZone", "Europe/Berlin",
                        "region", "eu",
                        "address", "Erasure Lane 1",
                        "latitude", 52.5,
                        "longitude", 13.4));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** The owner invites the viewer to the site and the viewer accepts; returns the grant id. */
    String shareWith(Account owner, String site, Account viewer) {
        var invited = api.post(
                "/api/v1/sites/" + site + "/grants", owner.token(), Map.of("email", viewer.email(), "role", "viewer"));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        var grant = invited.json().path("id").asString();
        var accepted = api.post("/api/v1/me/invitations/" + grant + "/accept", viewer.token(), null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return grant;
    }
}
