package org.gridvault.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import org.gridvault.privacy.ClosedAccounts;
import org.gridvault.privacy.SubjectId;
import org.jspecify.annotations.Nullable;

/**
 * Account closures a test declares, standing in for account cancellation, which will implement {@link ClosedAccounts}
 * from its own records. Thread-safe.
 */
final class RecordedClosures implements ClosedAccounts {

    private final ConcurrentSkipListMap<UUID, Instant> closedAt = new ConcurrentSkipListMap<>();

    void closed(SubjectId subject, Instant at) {
        closedAt.put(subject.value(), at);
    }

    @Override
    public List<SubjectId> closedBefore(Instant cutoff, @Nullable SubjectId after, int limit) {
        var candidates = after == null ? closedAt : closedAt.tailMap(after.value(), false);
        return candidates.entrySet().stream()
                .filter(entry -> entry.getValue().isBefore(cutoff))
                .limit(limit)
                .map(entry -> new SubjectId(entry.getKey()))
                .toList();
    }
}
