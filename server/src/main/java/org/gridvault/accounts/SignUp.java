package org.gridvault.accounts;

import org.jspecify.annotations.Nullable;

/**
 * A request to open an account. Language and time zone fall back to the platform defaults. {@code noticeVersion} is
 * the privacy notice version the person was shown and accepted; when absent, signing up accepts the current one.
 */
public record SignUp(
        String email,
        String password,
        String displayName,
        @Nullable String language,
        @Nullable String timeZone,
        @Nullable String noticeVersion) {

    public SignUp(
            String email, String password, String displayName, @Nullable String language, @Nullable String timeZone) {
        this(email, password, displayName, language, timeZone, null);
    }
}
