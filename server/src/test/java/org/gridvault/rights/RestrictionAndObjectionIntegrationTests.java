package org.gridvault.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.gridvault.ApiClient;
import org.gridvault.ApiClient.Account;
import org.gridvault.IntegrationTest;
import org.gridvault.privacy.DecisionRequest;
import org.gridvault.privacy.PrivacyDecisions;
import org.gridvault.privacy.Purpose;
import org.gridvault.privacy.SubjectId;
import org.junit.jupiter.api.Test;

/** Restriction (P26) and objection (P27), set by the person over the API, honoured by the decision point. */
@IntegrationTest
class RestrictionAndObjectionIntegrationTests {

    private final ApiClient api;
    private final Rights rights;
    private final PrivacyDecisions decisions;

    RestrictionAndObjectionIntegrationTests(ApiClient api, PrivacyDecisions decisions) {
        this.api = api;
        this.rights = new Rights(api);
        this.decisions = decisions;
    }

    @Test
    void restrictionLeavesOnlyStorageAndLegalClaimsUntilLifted() {
        var owner = api.newPerson();
        var site = rights.newSite(owner);
        var viewer = api.newPerson();
        rights.shareWith(owner, site, viewer);
        consentToEverythingOptional(owner);
        assertThat(allowedPurposes(owner)).containsExactlyInAnyOrder(Purpose.values());

        var restricted = api.put("/api/v1/me/restriction", owner.token(), Map.of("restricted", true));

        assertThat(restricted.status()).as(restricted.body()).isEqualTo(200);
        assertThat(restricted.json().path("restricted").asBoolean()).isTrue();
        assertThat(allowedPurposes(owner)).containsExactlyInAnyOrder(Purpose.STORAGE, Purpose.LEGAL_CLAIMS);
        assertThat(api.get("/api/v1/sites/" + site, viewer.token()).status())
                .as("the viewer's service access is processing too")
                .isIn(403, 404);

        var lifted = api.put("/api/v1/me/restriction", owner.token(), Map.of("restricted", false));

        assertThat(lifted.json().path("restricted").asBoolean()).isFalse();
        assertThat(allowedPurposes(owner)).containsExactlyInAnyOrder(Purpose.values());
        assertThat(api.get("/api/v1/sites/" + site, viewer.token()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me/privacy-requests", owner.token())
                        .json()
                        .valueStream()
                        .map(request -> request.path("type").asString() + " "
                                + request.path("detail").asString() + " "
                                + request.path("status").asString()))
                .containsExactlyInAnyOrder("restriction restricted completed", "restriction lifted completed");
    }

    @Test
    void objectionToMarketingHoldsEvenAgainstALaterConsent() {
        var person = api.newPerson();
        consentToEverythingOptional(person);
        assertThat(decide(person, Purpose.MARKETING)).isTrue();

        var objected = api.put("/api/v1/me/objections/marketing", person.token(), null);

        assertThat(objected.status()).as(objected.body()).isEqualTo(200);
        assertThat(objected.json().path("objections").valueStream().map(each -> each.asString()))
                .containsExactly("marketing");
        assertThat(decide(person, Purpose.MARKETING)).isFalse();
        assertThat(api.put("/api/v1/me/consents/marketing", person.token(), Map.of("granted", true))
                        .status())
                .isEqualTo(200);
        assertThat(decide(person, Purpose.MARKETING))
                .as("consent after the objection")
                .isFalse();
        assertThat(decide(person, Purpose.HOME_COMPARISON))
                .as("other purposes stay on")
                .isTrue();
        assertThat(api.get("/api/v1/me/restriction", person.token())
                        .json()
                        .path("objections")
                        .valueStream()
                        .map(each -> each.asString()))
                .containsExactly("marketing");
        assertThat(api.get("/api/v1/me/privacy-requests", person.token())
                        .json()
                        .valueStream()
                        .map(request -> request.path("type").asString() + " "
                                + request.path("detail").asString()))
                .containsExactly("objection marketing");
    }

    @Test
    void withdrawingAnObjectionLetsConsentCountAgain() {
        var person = api.newPerson();
        consentToEverythingOptional(person);
        api.put("/api/v1/me/objections/research", person.token(), null);
        assertThat(decide(person, Purpose.RESEARCH)).isFalse();

        var withdrawn = api.delete("/api/v1/me/objections/research", person.token());

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().path("objections").size()).isZero();
        assertThat(decide(person, Purpose.RESEARCH)).isTrue();
    }

    @Test
    void refusesObjectionsToPurposesThatDoNotRestOnConsentAndToUnknownOnes() {
        var person = api.newPerson();

        var service = api.put("/api/v1/me/objections/service", person.token(), null);
        var unknown = api.put("/api/v1/me/objections/astrology", person.token(), null);

        assertThat(service.status()).isEqualTo(422);
        assertThat(service.code()).isEqualTo("rights:objection.not-applicable");
        assertThat(service.json().path("detail").asString()).contains("/api/v1/me/restriction");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("rights:purpose.not-found");
        assertThat(decide(person, Purpose.SERVICE)).isTrue();
    }

    @Test
    void refusesARestrictionWithoutAValue() {
        var person = api.newPerson();

        var response = api.put("/api/v1/me/restriction", person.token(), Map.of());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isNotBlank();
        assertThat(response.json().path("detail").asString()).contains("restricted");
    }

    private void consentToEverythingOptional(Account person) {
        Arrays.stream(Purpose.values())
                .filter(Purpose::needsConsent)
                .forEach(purpose -> assertThat(api.put(
                                        "/api/v1/me/consents/" + purpose.wireName(),
                                        person.token(),
                                        Map.of("granted", true))
                                .status())
                        .isEqualTo(200));
    }

    private Set<Purpose> allowedPurposes(Account person) {
        var allowed = new java.util.TreeSet<Purpose>();
        for (var purpose : Purpose.values()) {
            if (decide(person, purpose)) {
                allowed.add(purpose);
            }
        }
        return allowed;
    }

    private boolean decide(Account person, Purpose purpose) {
        var subject = new SubjectId(person.id());
        return decisions
                .decide(new DecisionRequest(
                        subject, subject, purpose, Set.of("energy.interval"), "test:rights", null, null))
                .allowed();
    }
}
