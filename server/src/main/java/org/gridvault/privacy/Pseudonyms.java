package org.gridvault.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import org.springframework.stereotype.Service;

/**
 * Keyed one-way references: a stable pseudonym for a person (for logs and ledgers that must not name anyone), and
 * lookup hashes of contact data (to find an account by e-mail without storing the address in clear). Without the
 * platform's pseudonym key neither can be computed or reversed. Thread-safe.
 */
@Service
public class Pseudonyms {

    private final MasterKeys masterKeys;

    Pseudonyms(MasterKeys masterKeys) {
        this.masterKeys = masterKeys;
    }

    /** A person's pseudonymous reference, such as {@code psn_3f9a…}. */
    public String reference(SubjectId subject) {
        return "psn_" + HexFormat.of().formatHex(compute("subject\n" + subject.value(), 16));
    }

    /** A lookup hash for a value of a kind ({@code "email"}), the same for equal values. */
    public byte[] lookupHash(String kind, String value) {
        return compute("lookup\n" + kind + "\n" + value, 32);
    }

    private byte[] compute(String input, int length) {
        try {
            return masterKeys.pseudonymKey().compute(input.getBytes(StandardCharsets.UTF_8), length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The pseudonym key cannot be used", e);
        }
    }
}
