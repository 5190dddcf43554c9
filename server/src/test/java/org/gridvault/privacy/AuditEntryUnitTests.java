package org.gridvault.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEntryUnitTests {

    private final SubjectId alice = new SubjectId(UUID.randomUUID());

    @Test
    void buildsAnEntryStepByStep() {
        var entry = AuditEntry.byPerson(alice, "sites.grant.revoked")
                .about(alice)
                .on("site", "6f1c")
                .with("role", "viewer");

        assertThat(entry.actor()).isEqualTo(AuditActor.person(alice));
        assertThat(entry.subject()).isEqualTo(alice);
        assertThat(entry.resource()).isEqualTo("site:6f1c");
        assertThat(entry.details()).isEqualTo(Map.of("role", "viewer"));
    }

    @Test
    void refusesAnythingThatLooksLikeAnEmailAddress() {
        var entry = AuditEntry.byPerson(alice, "sites.invitation.sent");

        assertThatIllegalArgumentException().isThrownBy(() -> entry.with("invitee", "bob@example.com"));
        assertThatIllegalArgumentException().isThrownBy(() -> entry.on("person", "bob@example.com"));
    }

    @Test
    void refusesActionsThatAreNotDottedNames() {
        assertThatIllegalArgumentException().isThrownBy(() -> AuditEntry.anonymous("login failed"));
        assertThatIllegalArgumentException().isThrownBy(() -> AuditEntry.anonymous("accounts.login"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AuditEntry.bySystem("Retention Job", "privacy.retention.applied"));
    }

    @Test
    void refusesTooManyOrOddlyNamedDetails() {
        var entry = AuditEntry.anonymous("accounts.login.failed");
        for (int i = 0; i < AuditEntry.MAX_DETAILS; i++) {
            entry = entry.with("d" + i, i);
        }
        var full = entry;

        assertThatIllegalArgumentException().isThrownBy(() -> full.with("oneMore", 1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AuditEntry.anonymous("accounts.login.failed").with("e-mail", "x"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AuditEntry.anonymous("accounts.login.failed").with("note", "a\nb"));
    }
}
