package org.gridvault.accounts;

import org.jspecify.annotations.Nullable;

/** Changes to a person's profile; absent fields stay as they are. */
public record ProfileChange(
        @Nullable String displayName,
        @Nullable String language,
        @Nullable String timeZone) {}
