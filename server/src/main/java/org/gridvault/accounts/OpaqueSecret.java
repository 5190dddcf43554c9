package org.gridvault.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random bearer secret (session token, access token, device secret) and the only form in which it is stored.
 *
 * <p>Secrets carry 256 bits from {@link SecureRandom}, so a plain SHA-256 is enough to store them: unlike passwords
 * they cannot be guessed, and a fast hash keeps per-request and per-connection checks cheap. The prefix names the
 * kind of secret so a leaked one is recognisable (and found by secret scanners).
 *
 * <pre>{@code
 * var secret = OpaqueSecret.generate("gv_pat_");
 * store(secret.hash());           // keep only this
 * return secret.value();          // show once
 * }</pre>
 */
public record OpaqueSecret(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static OpaqueSecret generate(String prefix) {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new OpaqueSecret(prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public byte[] hash() {
        return hash(value);
    }

    /** The stored form of a presented secret, for lookup. */
    public static byte[] hash(String presented) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(presented.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "OpaqueSecret[redacted]";
    }
}
