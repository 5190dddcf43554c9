package org.gridvault.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class AuditHashUnitTests {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final HexFormat HEX = HexFormat.of();

    /** One entry, field by field, so that each test can change one field. */
    private record Fields(
            long seq,
            Instant at,
            String action,
            String actor,
            String subject,
            String resource,
            JsonNode details,
            byte[] previousHash) {

        String hash() {
            return HEX.formatHex(AuditHash.of(seq, at, action, actor, subject, resource, details, previousHash));
        }
    }

    private final Fields sample = new Fields(
            42,
            Instant.parse("2026-11-21T10:15:00.123456Z"),
            "sites.grant.revoked",
            "psn_00112233445566778899aabbccddeeff",
            "psn_ffeeddccbbaa99887766554433221100",
            "site:6f1c2b9e-0000-4000-8000-000000000001",
            JSON.readTree("{\"role\":\"viewer\",\"grant\":\"7d0e5a4c-0000-4000-8000-000000000002\",\"é\":\"ünïcode\"}"),
            sequence(32));

    /**
     * Hashes computed by an independent implementation of the encoding in {@link AuditHash}'s documentation, so the
     * documentation and the code cannot drift apart unnoticed.
     */
    @Test
    void matchesTheDocumentedEncoding() {
        assertThat(sample.hash()).isEqualTo("0f695e0345eb8e57de0eaa72a2d6a82c6fb2f75c440036b3e9fead36ace62289");
        assertThat(HEX.formatHex(AuditHash.of(
                        1,
                        Instant.EPOCH,
                        "accounts.login.failed",
                        "anonymous",
                        null,
                        null,
                        JSON.createObjectNode(),
                        AuditHash.GENESIS)))
                .isEqualTo("4c47d187cc7a679bfa2ed3df24465f587416ef7de986f8dd47c37829ab6de5e0");
    }

    @Test
    void orderOfDetailsDoesNotMatter() {
        var reordered = JSON.createObjectNode();
        reordered.put("é", "ünïcode");
        reordered.put("grant", "7d0e5a4c-0000-4000-8000-000000000002");
        reordered.put("role", "viewer");

        assertThat(with(fields -> withDetails(fields, reordered)).hash()).isEqualTo(sample.hash());
    }

    @Test
    void everyChangedFieldChangesTheHash() {
        var original = sample.hash();
        var changes = new java.util.ArrayList<UnaryOperator<Fields>>();
        changes.add(f -> new Fields(
                43, f.at(), f.action(), f.actor(), f.subject(), f.resource(), f.details(), f.previousHash()));
        changes.add(f -> new Fields(
                f.seq(),
                f.at().plusNanos(1_000),
                f.action(),
                f.actor(),
                f.subject(),
                f.resource(),
                f.details(),
                f.previousHash()));
        changes.add(f -> new Fields(
                f.seq(),
                f.at(),
                "sites.grant.created",
                f.actor(),
                f.subject(),
                f.resource(),
                f.details(),
                f.previousHash()));
        changes.add(f -> new Fields(
                f.seq(), f.at(), f.action(), "anonymous", f.subject(), f.resource(), f.details(), f.previousHash()));
        changes.add(f ->
                new Fields(f.seq(), f.at(), f.action(), f.actor(), null, f.resource(), f.details(), f.previousHash()));
        changes.add(f ->
                new Fields(f.seq(), f.at(), f.action(), f.actor(), f.subject(), "", f.details(), f.previousHash()));
        changes.add(f -> withDetails(f, ((ObjectNode) f.details().deepCopy()).put("role", "installer")));
        changes.add(f -> withDetails(f, ((ObjectNode) f.details().deepCopy()).put("extra", "")));
        changes.add(f -> {
            var fewer = (ObjectNode) f.details().deepCopy();
            fewer.remove("role");
            return withDetails(f, fewer);
        });
        changes.add(f -> new Fields(
                f.seq(), f.at(), f.action(), f.actor(), f.subject(), f.resource(), f.details(), sequence(31)));
        var previous = sequence(32);
        previous[31] ^= 1;
        changes.add(f ->
                new Fields(f.seq(), f.at(), f.action(), f.actor(), f.subject(), f.resource(), f.details(), previous));

        for (var change : changes) {
            assertThat(with(change).hash()).isNotEqualTo(original);
        }
    }

    @Test
    void aValueOfAnotherJsonTypeChangesTheHash() {
        var text = withDetails(sample, JSON.readTree("{\"count\":\"5\"}"));
        var number = withDetails(sample, JSON.readTree("{\"count\":5}"));

        assertThat(number.hash()).isNotEqualTo(text.hash());
    }

    @Test
    void fieldBoundariesCannotShift() {
        var one = new Fields(1, Instant.EPOCH, "a.b.c", "xy", null, null, JSON.createObjectNode(), AuditHash.GENESIS);
        var other = new Fields(1, Instant.EPOCH, "a.b.cx", "y", null, null, JSON.createObjectNode(), AuditHash.GENESIS);
        var nullSubject = one;
        var emptySubject =
                new Fields(1, Instant.EPOCH, "a.b.c", "xy", "", null, JSON.createObjectNode(), AuditHash.GENESIS);

        assertThat(one.hash()).isNotEqualTo(other.hash());
        assertThat(nullSubject.hash()).isNotEqualTo(emptySubject.hash());
    }

    private Fields with(UnaryOperator<Fields> change) {
        return change.apply(sample);
    }

    private static Fields withDetails(Fields f, JsonNode details) {
        return new Fields(f.seq(), f.at(), f.action(), f.actor(), f.subject(), f.resource(), details, f.previousHash());
    }

    private static byte[] sequence(int length) {
        var bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }
}
