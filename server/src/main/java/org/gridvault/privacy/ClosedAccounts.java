package org.gridvault.privacy;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * SPI: which accounts are closed, and since when. Retention rules counted from account closure (what the law makes us
 * keep after a person leaves, such as the proof of their consents) ask it for the people whose account was closed
 * long enough ago, and delete what is left of them.
 *
 * <p>Implemented by the module that closes accounts (account cancellation), from whatever records the closure and
 * outlives the account itself. Without an implementation, rules counted from closure find nobody and say so in
 * their evidence. Implementations must be thread-safe.
 */
public interface ClosedAccounts {

    /**
     * Up to {@code limit} people whose account was closed before {@code cutoff}, ordered by id, starting after
     * {@code after} (exclusive; {@code null} for the first page).
     */
    List<SubjectId> closedBefore(Instant cutoff, @Nullable SubjectId after, int limit);
}
