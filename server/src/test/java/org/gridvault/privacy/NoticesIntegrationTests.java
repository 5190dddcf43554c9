package org.gridvault.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class NoticesIntegrationTests {

    private final ApiClient api;
    private final JdbcClient jdbc;

    NoticesIntegrationTests(ApiClient api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    @Test
    void publishesTheNoticeWithItsVersionAndContentHashToAnyone() {
        var notice = api.get("/api/v1/privacy/notice", null);

        assertThat(notice.status()).isEqualTo(200);
        assertThat(notice.json().path("version").asString()).isEqualTo("2026-11-01");
        assertThat(notice.json().path("material").asBoolean()).isTrue();
        assertThat(notice.json().path("contentHash").asString()).hasSize(64);
        assertThat(notice.json().path("text").asString()).contains("# GridVault privacy notice");
    }

    @Test
    void recordsWhichVersionEachPersonAcceptedAtSignUp() {
        var person = api.newPerson();

        var accepted = jdbc.sql("select version, channel from privacy.notice_acceptances where subject_id = :id")
                .param("id", person.id())
                .query((row, i) -> row.getString("version") + " " + row.getString("channel"))
                .list();

        assertThat(accepted).containsExactly("2026-11-01 sign-up");
    }

    @Test
    void refusesASignUpThatAcceptedAnOutdatedNotice() {
        var response = api.post(
                "/api/v1/accounts",
                null,
                Map.of(
                        "email", ApiClient.uniqueEmail(),
                        "password", "a long enough password",
                        "displayName", "Late",
                        "noticeVersion", "2020-01-01"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("privacy:notice.outdated");
        assertThat(response.json().path("currentVersion").asString()).isEqualTo("2026-11-01");
    }
}
