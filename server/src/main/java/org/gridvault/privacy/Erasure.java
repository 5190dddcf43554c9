package org.gridvault.privacy;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Progress of one erasure: which modules must erase their part, which have reported, and when it completed (every
 * part reported, privacy's own records erased, the person's key destroyed).
 */
public record Erasure(
        PrivacyRequestId request,
        Set<String> parts,
        Set<String> reported,
        Instant startedAt,
        @Nullable Instant completedAt) {

    public boolean complete() {
        return completedAt != null;
    }
}
