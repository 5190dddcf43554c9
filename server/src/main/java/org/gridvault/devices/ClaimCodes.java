package org.gridvault.devices;

import java.security.SecureRandom;
import java.util.Locale;
import org.gridvault.accounts.OpaqueSecret;

/**
 * Claim codes printed on a device label: 12 characters of Crockford's base32 (no I, L, O or U to misread), shown in
 * groups of four. Typing is forgiving: case, spaces and dashes do not matter.
 */
final class ClaimCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClaimCodes() {}

    static String generate() {
        var code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    static byte[] hash(String typed) {
        return OpaqueSecret.hash(typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT));
    }
}
