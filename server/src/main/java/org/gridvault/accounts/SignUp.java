package org.gridvault.accounts;

import org.jspecify.annotations.Nullable;

/** A request to open an account. Language and time zone fall back to the platform defaults. */
public record SignUp(
        String email,
        String password,
        String displayName,
        @Nullable String language,
        @Nullable String timeZone) {}
