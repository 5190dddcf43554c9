package org.gridvault.privacy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a person stands on one optional purpose.
 *
 * @param granted what the person last said
 * @param since when they said it (null: never asked, which means no)
 * @param noticeVersion the notice version in force when they said it
 * @param effective whether processing for the purpose is allowed now: granted, and not stale
 * @param reconsentBy when a material notice change will make this consent stale, if it will
 */
public record ConsentState(
        Purpose purpose,
        boolean granted,
        @Nullable Instant since,
        @Nullable String noticeVersion,
        boolean effective,
        @Nullable Instant reconsentBy) {}
