package org.gridvault.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.privacy.AuditVerification.Kind;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sensitive operations leave pseudonymous entries in the audit log, and the verifier finds every entry changed,
 * deleted or moved afterwards (P20).
 *
 * <p>The log is shared with every other test in this context, so tests verify the whole chain, and each tampering
 * test puts the rows back as they were before it ends: later verifications still see an intact log.
 */
@IntegrationTest
class AuditLogIntegrationTests {

    private static final String VERIFICATION = "/api/v1/admin/audit/verification";

    private final ApiClient api;
    private final JdbcClient jdbc;
    private final Pseudonyms pseudonyms;
    private final AuditLog log;
    private final AuditVerifier verifier;

    AuditLogIntegrationTests(
            ApiClient api, JdbcClient jdbc, Pseudonyms pseudonyms, AuditLog log, AuditVerifier verifier) {
        this.api = api;
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
        this.log = log;
        this.verifier = verifier;
    }

    @Test
    void recordsSensitiveOperationsUnderPseudonymsWithoutContactData() {
        var operator = api.operatorToken();
        var operatorId = UUID.fromString(
                api.get("/api/v1/me", operator).json().path("id").asString());
        var start = lastSeq();

        var owner = api.newPerson();
        assertThat(api.tryLogIn(owner.email(), "not the password").status()).isEqualTo(401);
        assertThat(api.put(
                                "/api/v1/me/password",
                                owner.token(),
                                Map.of("currentPassword", owner.password(), "newPassword", "a much better passphrase"))
                        .status())
                .isEqualTo(204);
        var token = created(api.post("/api/v1/me/tokens", owner.token(), Map.of("name", "script")));
        assertThat(api.delete("/api/v1/me/tokens/" + token, owner.token()).status())
                .isEqualTo(204);

        var installer = api.newPerson();
        var organisation = created(api.post(
                "/api/v1/organisations", installer.token(), Map.of("name", "Sun Installers", "kind", "installer")));
        var colleague = api.newPerson();
        var members = "/api/v1/organisations/" + organisation + "/members";
        assertThat(api.post(members, installer.token(), Map.of("email", colleague.email(), "role", "member"))
                        .status())
                .isEqualTo(201);
        assertThat(api.delete(members + "/" + colleague.id(), installer.token()).status())
                .isEqualTo(204);

        var site = created(api.post(
                "/api/v1/sites", owner.token(), Map.of("name", "Home", "timeZone", "Europe/Berlin", "region", "eu")));
        var grants = "/api/v1/sites/" + site + "/grants";
        created(api.post(grants, owner.token(), Map.of("organisationId", organisation, "role", "installer")));
        var viewer = api.newPerson();
        var invitation = created(api.post(grants, owner.token(), Map.of("email", viewer.email(), "role", "viewer")));
        assertThat(api.post("/api/v1/me/invitations/" + invitation + "/accept", viewer.token(), null)
                        .status())
                .isEqualTo(200);
        assertThat(api.delete(grants + "/" + invitation, owner.token()).status())
                .isEqualTo(204);
        var declining = api.newPerson();
        var declined = created(api.post(grants, owner.token(), Map.of("email", declining.email(), "role", "viewer")));
        assertThat(api.post("/api/v1/me/invitations/" + declined + "/decline", declining.token(), null)
                        .status())
                .isEqualTo(204);

        var devices = "/api/v1/sites/" + site + "/devices";
        var device = created(api.post(devices, owner.token(), Map.of("serialNumber", serial(), "kind", "battery")));
        assertThat(api.post("/api/v1/devices/" + device + "/secret", owner.token(), null)
                        .status())
                .isEqualTo(200);
        assertThat(api.delete("/api/v1/devices/" + device, owner.token()).status())
                .isEqualTo(200);
        var provisionedSerial = serial();
        var provisioned = api.post(
                "/api/v1/admin/provisioned-devices",
                operator,
                Map.of("serialNumber", provisionedSerial, "kind", "pv_inverter"));
        assertThat(provisioned.status()).as(provisioned.body()).isEqualTo(201);
        var claimed = created(api.post(
                devices + "/claims",
                owner.token(),
                Map.of(
                        "serialNumber",
                        provisionedSerial,
                        "claimCode",
                        provisioned.json().path("claimCode").asString())));

        var throttled = api.newPerson();
        for (int attempt = 1; attempt <= 6; attempt++) {
            api.tryLogIn(throttled.email(), "not the password");
        }
        assertThat(api.delete("/api/v1/sessions/current", owner.token()).status())
                .isEqualTo(204);

        var entries = entriesAfter(start);
        var psnOwner = reference(owner.id());
        assertThat(entries)
                .filteredOn(entry -> entry.actor().equals(psnOwner))
                .extracting(AuditRecord::action, AuditRecord::subject, AuditRecord::resource)
                .containsExactly(
                        tuple("accounts.account.created", psnOwner, null),
                        tuple(
                                "accounts.login.succeeded",
                                psnOwner,
                                entries.get(1).resource()),
                        tuple("accounts.password.changed", psnOwner, null),
                        tuple("accounts.token.created", psnOwner, "token:" + token),
                        tuple("accounts.token.revoked", psnOwner, "token:" + token),
                        tuple("sites.grant.created", psnOwner, "site:" + site),
                        tuple("sites.invitation.sent", psnOwner, "site:" + site),
                        tuple("sites.grant.revoked", psnOwner, "site:" + site),
                        tuple("sites.invitation.sent", psnOwner, "site:" + site),
                        tuple("devices.device.registered", null, "device:" + device),
                        tuple("devices.secret.replaced", null, "device:" + device),
                        tuple("devices.device.decommissioned", null, "device:" + device),
                        tuple("devices.device.claimed", null, "device:" + claimed),
                        tuple(
                                "accounts.logout.succeeded",
                                psnOwner,
                                entries.get(1).resource()));
        assertThat(entries)
                .extracting(AuditRecord::action, AuditRecord::actor, AuditRecord::subject)
                .contains(
                        tuple("accounts.login.failed", "anonymous", psnOwner),
                        tuple("accounts.organisation.created", reference(installer.id()), reference(installer.id())),
                        tuple("accounts.member.added", reference(installer.id()), reference(colleague.id())),
                        tuple("accounts.member.removed", reference(installer.id()), reference(colleague.id())),
                        tuple("sites.invitation.accepted", reference(viewer.id()), reference(viewer.id())),
                        tuple("sites.invitation.declined", reference(declining.id()), reference(declining.id())),
                        tuple("admin.device.provisioned", reference(operatorId), null),
                        tuple("accounts.login.throttled", "anonymous", reference(throttled.id())));
        assertThat(entries)
                .filteredOn(entry -> entry.action().equals("accounts.login.failed"))
                .hasSize(1 + 5);
        assertThat(entries)
                .filteredOn(entry -> entry.action().equals("sites.grant.created"))
                .singleElement()
                .satisfies(
                        entry -> assertThat(entry.details().path("organisation").asString())
                                .isEqualTo(organisation));

        var everything = jdbc.sql("select coalesce(string_agg(a::text, E'\\n'), '') from privacy.audit_log a")
                .query(String.class)
                .single();
        assertThat(everything).doesNotContain("@");
        for (var person : List.of(owner, installer, colleague, viewer, declining, throttled)) {
            assertThat(everything)
                    .doesNotContain(person.email())
                    .doesNotContain(person.id().toString());
        }
        assertThat(everything).doesNotContain(operatorId.toString());

        var verdict = verifier.verify();
        assertThat(verdict.ok()).as(verdict.summary()).isTrue();
        assertThat(verdict.firstBrokenSeq()).isNull();
        assertThat(verdict.entriesChecked())
                .isEqualTo(verdict.lastSeq())
                .isGreaterThanOrEqualTo(start + entries.size());
    }

    @Test
    void showsTheVerificationAndTheEntriesToOperatorsOnly() {
        var operator = api.operatorToken();
        var person = api.newPerson();

        var verification = api.get(VERIFICATION, operator);
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.json().path("ok").asBoolean())
                .as(verification.body())
                .isTrue();
        assertThat(verification.json().path("entriesChecked").asLong()).isPositive();
        assertThat(verification.json().path("lastHash").asString()).hasSize(64);

        var start = lastSeq() - 3;
        var page = api.get("/api/v1/admin/audit?after=" + start + "&limit=2", operator);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json()
                        .path("entries")
                        .valueStream()
                        .map(entry -> entry.path("seq").asLong()))
                .containsExactly(start + 1, start + 2);
        assertThat(page.json().path("next").asLong()).isEqualTo(start + 2);
        assertThat(page.json().path("entries").get(0).path("hash").asString()).hasSize(64);
        assertThat(api.get("/api/v1/admin/audit?limit=0", operator).code()).isEqualTo("privacy:audit.page-invalid");

        assertThat(api.get(VERIFICATION, person.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/audit", person.token()).status()).isEqualTo(403);
        assertThat(api.get(VERIFICATION, null).status()).isEqualTo(401);
    }

    @Test
    void findsAChangedAndADeletedEntryAndNamesTheFirstBrokenOne() {
        var operator = api.operatorToken();
        var person = api.newPerson();
        var token = created(api.post("/api/v1/me/tokens", person.token(), Map.of("name", "script")));
        api.delete("/api/v1/me/tokens/" + token, person.token());
        api.delete("/api/v1/sessions/current", person.token());
        var changed = seqByResource("accounts.token.created", "token:" + token);
        var deleted = seqByResource("accounts.token.revoked", "token:" + token);
        var saved = save(changed, deleted);

        try {
            jdbc.sql("update privacy.audit_log set details = details || '{\"note\": \"harmless\"}' where seq = :seq")
                    .param("seq", changed)
                    .update();
            jdbc.sql("delete from privacy.audit_log where seq = :seq")
                    .param("seq", deleted)
                    .update();

            var verdict = verifier.verify();

            assertThat(verdict.ok()).isFalse();
            assertThat(verdict.firstBrokenSeq()).isEqualTo(changed);
            assertThat(verdict.findings())
                    .extracting(AuditVerification.Finding::seq, AuditVerification.Finding::kind)
                    .containsExactly(tuple(changed, Kind.CHANGED), tuple(deleted + 1, Kind.MISSING));
            assertThat(verdict.summary()).contains("BROKEN", "first broken entry " + changed);

            var response = api.get(VERIFICATION, operator);
            assertThat(response.status()).isEqualTo(200);
            var json = response.json();
            assertThat(json.path("ok").asBoolean()).isFalse();
            assertThat(json.path("firstBrokenSeq").asLong()).isEqualTo(changed);
            assertThat(json.path("findings")
                            .valueStream()
                            .map(finding -> finding.path("seq").asLong() + " "
                                    + finding.path("kind").asString()))
                    .containsExactly(changed + " changed", (deleted + 1) + " missing");
        } finally {
            restore(saved);
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void namesTheFirstMissingEntryAsTheFirstBrokenOne() {
        var person = api.newPerson();
        api.delete("/api/v1/sessions/current", person.token());
        var deleted = seqBySubject("accounts.login.succeeded", reference(person.id()));
        var saved = save(deleted);

        try {
            jdbc.sql("delete from privacy.audit_log where seq = :seq")
                    .param("seq", deleted)
                    .update();

            var verdict = verifier.verify();

            assertThat(verdict.firstBrokenSeq()).isEqualTo(deleted);
            assertThat(verdict.findings())
                    .extracting(AuditVerification.Finding::seq, AuditVerification.Finding::kind)
                    .containsExactly(tuple(deleted + 1, Kind.MISSING));
            assertThat(verdict.findings().getFirst().description())
                    .isEqualTo("Entry " + deleted + " is missing: deleted.");
        } finally {
            restore(saved);
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void findsEntriesMovedToOtherPlaces() {
        var person = api.newPerson();
        api.delete("/api/v1/sessions/current", person.token());
        var first = seqBySubject("accounts.account.created", reference(person.id()));
        var saved = save(first, first + 1);

        try {
            swap(first, first + 1);

            var verdict = verifier.verify();

            assertThat(verdict.ok()).isFalse();
            assertThat(verdict.firstBrokenSeq()).isEqualTo(first);
            assertThat(verdict.findings())
                    .extracting(AuditVerification.Finding::seq, AuditVerification.Finding::kind)
                    .containsExactly(
                            tuple(first, Kind.CHANGED),
                            tuple(first, Kind.REORDERED),
                            tuple(first + 1, Kind.CHANGED),
                            tuple(first + 1, Kind.REORDERED),
                            tuple(first + 2, Kind.REORDERED));
        } finally {
            jdbc.sql("delete from privacy.audit_log where seq in (:seqs)")
                    .param("seqs", List.of(first, first + 1))
                    .update();
            restore(saved);
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void findsEntriesDeletedFromTheEndAndAReplacedLastEntry() {
        api.newPerson();
        var last = lastSeq();
        var saved = save(last);

        try {
            jdbc.sql("delete from privacy.audit_log where seq = :seq")
                    .param("seq", last)
                    .update();
            var truncated = verifier.verify();
            assertThat(truncated.findings())
                    .extracting(AuditVerification.Finding::seq, AuditVerification.Finding::kind)
                    .containsExactly(tuple(last, Kind.MISSING));
            assertThat(truncated.firstBrokenSeq()).isEqualTo(last);
            restore(saved);

            jdbc.sql("update privacy.audit_log set hash = sha256(hash) where seq = :seq")
                    .param("seq", last)
                    .update();
            assertThat(verifier.verify().findings())
                    .extracting(AuditVerification.Finding::seq, AuditVerification.Finding::kind)
                    .containsExactly(tuple(last, Kind.CHANGED), tuple(last, Kind.HEAD_MISMATCH));
        } finally {
            jdbc.sql("delete from privacy.audit_log where seq = :seq")
                    .param("seq", last)
                    .update();
            restore(saved);
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    /** A stored row, exactly as it was, to put back after tampering. */
    private record SavedRow(
            long seq,
            Timestamp at,
            String action,
            String actor,
            String subject,
            String resource,
            String details,
            byte[] previousHash,
            byte[] hash) {}

    private List<SavedRow> save(Long... seqs) {
        return jdbc.sql("""
                        select seq, at, action, actor, subject, resource, details::text as details, previous_hash, hash
                        from privacy.audit_log where seq in (:seqs) order by seq
                        """)
                .param("seqs", List.of(seqs))
                .query((row, i) -> new SavedRow(
                        row.getLong("seq"),
                        row.getTimestamp("at"),
                        row.getString("action"),
                        row.getString("actor"),
                        row.getString("subject"),
                        row.getString("resource"),
                        row.getString("details"),
                        row.getBytes("previous_hash"),
                        row.getBytes("hash")))
                .list();
    }

    private void restore(List<SavedRow> rows) {
        for (var row : rows) {
            jdbc.sql("""
                            insert into privacy.audit_log
                                (seq, at, action, actor, subject, resource, details, previous_hash, hash)
                            values (:seq, :at, :action, :actor, :subject, :resource, cast(:details as jsonb),
                                    :previousHash, :hash)
                            on conflict (seq) do update set
                                at = excluded.at, action = excluded.action, actor = excluded.actor,
                                subject = excluded.subject, resource = excluded.resource, details = excluded.details,
                                previous_hash = excluded.previous_hash, hash = excluded.hash
                            """)
                    .param("seq", row.seq())
                    .param("at", row.at())
                    .param("action", row.action())
                    .param("actor", row.actor())
                    .param("subject", row.subject())
                    .param("resource", row.resource())
                    .param("details", row.details())
                    .param("previousHash", row.previousHash())
                    .param("hash", row.hash())
                    .update();
        }
    }

    private void swap(long a, long b) {
        var parked = Long.MAX_VALUE;
        for (var move : List.of(List.of(a, parked), List.of(b, a), List.of(parked, b))) {
            jdbc.sql("update privacy.audit_log set seq = :to where seq = :from")
                    .param("from", move.get(0))
                    .param("to", move.get(1))
                    .update();
        }
    }

    private long seqByResource(String action, String resource) {
        return jdbc.sql("select seq from privacy.audit_log where action = :action and resource = :resource")
                .param("action", action)
                .param("resource", resource)
                .query(Long.class)
                .single();
    }

    private long seqBySubject(String action, String subject) {
        return jdbc.sql("select seq from privacy.audit_log where action = :action and subject = :subject")
                .param("action", action)
                .param("subject", subject)
                .query(Long.class)
                .single();
    }

    private long lastSeq() {
        return jdbc.sql("select seq from privacy.audit_log_head")
                .query(Long.class)
                .single();
    }

    private List<AuditRecord> entriesAfter(long seq) {
        return log.entries(seq, AuditLog.MAX_PAGE);
    }

    private String reference(UUID person) {
        return pseudonyms.reference(new SubjectId(person));
    }

    private static String created(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    private static String serial() {
        return "AUDIT-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
