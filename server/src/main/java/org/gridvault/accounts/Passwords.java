package org.gridvault.accounts;

import java.util.Map;
import org.gridvault.problems.ApiProblem;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords (Argon2id; the stored hash names its algorithm, so parameters can be raised later
 * without invalidating old hashes) and enforces the password policy.
 */
@Component
class Passwords {

    private static final int MAX_LENGTH = 128;

    private final PasswordEncoder encoder = new DelegatingPasswordEncoder(
            "argon2", Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    private final int minLength;
    /** Checked against when no account matches, so an unknown e-mail takes as long as a wrong password. */
    private final String decoyHash;

    Passwords(AccountsProperties properties) {
        this.minLength = properties.minPasswordLength();
        this.decoyHash = encoder.encode("decoy password that nobody has");
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    void spendTimeOfOneCheck(String password) {
        encoder.matches(password, decoyHash);
    }

    void requireAcceptable(String password, String email) {
        if (password.length() < minLength || password.length() > MAX_LENGTH) {
            throw ApiProblem.unprocessable(
                            "accounts:password.length",
                            "Choose a password of %d to %d characters.".formatted(minLength, MAX_LENGTH))
                    .with("field", "password");
        }
        if (password.equalsIgnoreCase(email)) {
            throw ApiProblem.unprocessable(
                            "accounts:password.is-email", "Choose a password that is not your e-mail address.")
                    .with("field", "password");
        }
    }
}
