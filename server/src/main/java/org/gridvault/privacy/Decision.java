package org.gridvault.privacy;

import org.jspecify.annotations.Nullable;

/** The decision point's answer, with the reason (always) and the basis it rests on (when allowed). */
public record Decision(
        boolean allowed, String reason, @Nullable String basis) {

    static Decision allow(String reason, String basis) {
        return new Decision(true, reason, basis);
    }

    static Decision deny(String reason) {
        return new Decision(false, reason, null);
    }
}
