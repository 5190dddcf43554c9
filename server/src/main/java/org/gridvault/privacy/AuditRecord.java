package org.gridvault.privacy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An entry as the {@link AuditLog} stores it: numbered, timed, with people replaced by pseudonyms, and chained to
 * its predecessor by {@code previousHash}. {@code hash} is SHA-256 over the canonical encoding of every other field
 * (see {@link AuditHash}).
 *
 * @param seq the entry's place in the chain: 1, 2, 3, … without gaps
 * @param at when it was recorded (microsecond precision, as PostgreSQL keeps it)
 * @param action what happened, such as {@code sites.grant.revoked}
 * @param actor a pseudonym ({@code psn_…}), {@code system:<name>} or {@code anonymous}
 * @param subject the pseudonym of the person the entry is about, if any
 * @param resource the thing touched, such as {@code device:<uuid>}, if any
 * @param details non-personal details, a JSON object of strings
 * @param previousHash the hash of entry {@code seq - 1} (32 zero bytes for the first entry)
 * @param hash this entry's hash
 */
public record AuditRecord(
        long seq,
        Instant at,
        String action,
        String actor,
        @Nullable String subject,
        @Nullable String resource,
        JsonNode details,
        byte[] previousHash,
        byte[] hash) {

    /** The hash the entry should have, computed from its fields as stored. */
    byte[] expectedHash() {
        return AuditHash.of(seq, at, action, actor, subject, resource, details, previousHash);
    }
}
