package org.gridvault.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.gridvault.ApiClient;
import org.gridvault.MutableClock;
import org.gridvault.privacy.PrivacyRequest;
import org.gridvault.privacy.PrivacyRequests;
import org.gridvault.privacy.RequestType;
import org.gridvault.privacy.SubjectId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The register of data-subject requests (P32): deadlines from the jurisdiction profile (this node: eu, one calendar
 * month, extendable once by two), computed across month ends; the operator's overdue and due-soon views, CSV export
 * and extension with a reason and a notice the person sees.
 */
@ClockMovingIntegrationTest
class PrivacyRequestRegisterIntegrationTests {

    private final ApiClient api;
    private final PrivacyRequests requests;
    private final MutableClock clock;

    PrivacyRequestRegisterIntegrationTests(ApiClient api, PrivacyRequests requests, MutableClock clock) {
        this.api = api;
        this.requests = requests;
        this.clock = clock;
    }

    @Test
    void tracksDeadlinesAcrossTheMonthEndWithExtensionsAndOverdueRequests() {
        // The next 31 January of a year before a non-leap February (the clock only moves forward).
        var year = nextNonLeapYear();
        clock.set(LocalDate.of(year, 1, 31).atTime(12, 0).toInstant(ZoneOffset.UTC));
        var person = api.newPerson();
        var subject = new SubjectId(person.id());
        var access = requests.record(subject, RequestType.ACCESS, null);
        var portability = requests.record(subject, RequestType.PORTABILITY, null);
        var operator = api.operatorToken();

        assertThat(access.jurisdiction()).isEqualTo("eu");
        assertThat(access.deadline()).isEqualTo(at(year, 2, 28));
        assertThat(mine(person.token(), access).path("deadline").asString())
                .isEqualTo(at(year, 2, 28).toString());

        var extended = api.post(
                "/api/v1/admin/privacy-requests/" + access.id() + "/extension",
                operator,
                Map.of("reason", "The export of ten years of readings needs an archive restore"));

        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(extended.json().path("extendedDeadline").asString())
                .isEqualTo(at(year, 4, 28).toString());
        assertThat(extended.json().path("dueBy").asString())
                .isEqualTo(at(year, 4, 28).toString());
        var seenByPerson = mine(person.token(), access);
        assertThat(seenByPerson.path("extensionReason").asString()).contains("archive restore");
        assertThat(seenByPerson.path("extensionNotice").asString())
                .contains(at(year, 4, 28).toString())
                .contains("archive restore");
        assertThat(seenByPerson.has("subject"))
                .as("the person's view shows no pseudonym")
                .isFalse();
        var again = api.post(
                "/api/v1/admin/privacy-requests/" + access.id() + "/extension", operator, Map.of("reason", "More"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("privacy:request.already-extended");

        clock.set(at(year, 2, 26));
        operator = api.operatorToken();
        assertThat(ids(operator, "due-soon"))
                .contains(portability.id().toString())
                .doesNotContain(access.id().toString());
        assertThat(ids(operator, "overdue"))
                .doesNotContain(portability.id().toString(), access.id().toString());

        clock.set(at(year, 3, 1));
        // Sessions last 14 days: log in again after moving the clock.
        operator = api.operatorToken();
        assertThat(ids(operator, "overdue"))
                .contains(portability.id().toString())
                .doesNotContain(access.id().toString());
        var csv = api.get("/api/v1/admin/privacy-requests.csv?filter=overdue", operator);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
        var lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("id,type,status,subject,jurisdiction,received_at,deadline");
        assertThat(lines)
                .filteredOn(line -> line.startsWith(portability.id().toString()))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains(",portability,open,psn_")
                        .contains(at(year, 2, 28).toString())
                        .contains(",true,"));
        var negotiated = api.send(api.request("/api/v1/admin/privacy-requests?filter=overdue")
                .header("Authorization", "Bearer " + operator)
                .header("Accept", "text/csv")
                .GET());
        assertThat(negotiated.status()).isEqualTo(200);
        assertThat(negotiated.body()).contains(portability.id().toString());

        requests.complete(portability.id());
        assertThat(ids(operator, "overdue")).doesNotContain(portability.id().toString());
        assertThat(mine(api.logIn(person.email(), person.password()), portability)
                        .path("status")
                        .asString())
                .isEqualTo("completed");
    }

    @Test
    void refusesUnknownFiltersAndRequestsAndKeepsTheRegisterToOperators() {
        var person = api.newPerson();
        var operator = api.operatorToken();

        var unknownFilter = api.get("/api/v1/admin/privacy-requests?filter=late", operator);
        var unknownRequest = api.post(
                "/api/v1/admin/privacy-requests/" + java.util.UUID.randomUUID() + "/extension",
                operator,
                Map.of("reason", "busy"));
        var noReason = api.post(
                "/api/v1/admin/privacy-requests/" + java.util.UUID.randomUUID() + "/extension",
                operator,
                Map.of("reason", " "));
        var notAnId =
                api.post("/api/v1/admin/privacy-requests/not-an-id/extension", operator, Map.of("reason", "busy"));
        var notAnOperator = api.get("/api/v1/admin/privacy-requests", person.token());

        assertThat(unknownFilter.status()).isEqualTo(400);
        assertThat(unknownFilter.code()).isEqualTo("rights:filter.unknown");
        assertThat(unknownRequest.status()).isEqualTo(404);
        assertThat(unknownRequest.code()).isEqualTo("privacy:request.not-found");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.code()).isNotBlank();
        assertThat(notAnOperator.status()).isEqualTo(403);
    }

    private JsonNode mine(String token, PrivacyRequest request) {
        return api.get("/api/v1/me/privacy-requests", token)
                .json()
                .valueStream()
                .filter(entry -> entry.path("id").asString().equals(request.id().toString()))
                .findFirst()
                .orElseThrow();
    }

    private java.util.List<String> ids(String operator, String filter) {
        var response = api.get("/api/v1/admin/privacy-requests?filter=" + filter, operator);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json()
                .valueStream()
                .map(entry -> entry.path("id").asString())
                .toList();
    }

    private int nextNonLeapYear() {
        var year = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear() + 1;
        while (LocalDate.of(year, 1, 1).isLeapYear()) {
            year++;
        }
        return year;
    }

    private static Instant at(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }
}
