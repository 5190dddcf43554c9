package org.gridvault.privacy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The canonical encoding of an audit entry and its SHA-256 hash: the one definition both the {@link AuditLog}
 * (writing) and the {@link AuditVerifier} (recomputing) use. Version 1, all integers big-endian:
 *
 * <pre>
 * encoding  = "gridvault-audit-v1"   the ASCII bytes, no length
 *             int64   seq
 *             int64   at             microseconds since 1970-01-01T00:00:00Z
 *             text    action
 *             text    actor
 *             opttext subject
 *             opttext resource
 *             details
 *             bytes   previous_hash  32 bytes; 32 zero bytes for seq 1
 * text      = int32 length in bytes, then the UTF-8 bytes
 * opttext   = int32 -1 for null, else text
 * bytes     = int32 length, then the bytes
 * details   = int32 number of members, then per member, ordered by the UTF-8 bytes of its name (unsigned):
 *             text name, then either 's' text (a JSON string) or 'j' text (any other JSON value, as compact JSON)
 *             When the details are not a JSON object at all: int32 -1, 'j', text (compact JSON).
 * hash      = SHA-256(encoding)
 * </pre>
 *
 * <p>Every field is length-prefixed, so no two different entries share an encoding; the order of the details'
 * members does not matter (PostgreSQL's {@code jsonb} does not keep it). Details are written as strings only; the
 * {@code 'j'} form exists so that a value whose type was changed in the database still changes the hash.
 */
final class AuditHash {

    static final byte[] GENESIS = new byte[32];

    private static final byte[] VERSION = "gridvault-audit-v1".getBytes(StandardCharsets.US_ASCII);

    private AuditHash() {}

    static byte[] of(
            long seq,
            Instant at,
            String action,
            String actor,
            @Nullable String subject,
            @Nullable String resource,
            JsonNode details,
            byte[] previousHash) {
        return sha256(encode(seq, at, action, actor, subject, resource, details, previousHash));
    }

    static byte[] encode(
            long seq,
            Instant at,
            String action,
            String actor,
            @Nullable String subject,
            @Nullable String resource,
            JsonNode details,
            byte[] previousHash) {
        try {
            var bytes = new ByteArrayOutputStream(256);
            var out = new DataOutputStream(bytes);
            out.write(VERSION);
            out.writeLong(seq);
            out.writeLong(microsSinceEpoch(at));
            text(out, action);
            text(out, actor);
            optionalText(out, subject);
            optionalText(out, resource);
            details(out, details);
            out.writeInt(previousHash.length);
            out.write(previousHash);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long microsSinceEpoch(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    private static void details(DataOutputStream out, JsonNode details) throws IOException {
        if (!details.isObject()) {
            out.writeInt(-1);
            out.writeByte('j');
            text(out, details.toString());
            return;
        }
        var members = new ArrayList<Map.Entry<byte[], JsonNode>>();
        for (var member : details.properties()) {
            members.add(Map.entry(member.getKey().getBytes(StandardCharsets.UTF_8), member.getValue()));
        }
        members.sort((a, b) -> Arrays.compareUnsigned(a.getKey(), b.getKey()));
        out.writeInt(members.size());
        for (var member : members) {
            bytes(out, member.getKey());
            var value = member.getValue();
            if (value.isString()) {
                out.writeByte('s');
                text(out, value.stringValue());
            } else {
                out.writeByte('j');
                text(out, value.toString());
            }
        }
    }

    private static void optionalText(DataOutputStream out, @Nullable String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            text(out, value);
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        bytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
