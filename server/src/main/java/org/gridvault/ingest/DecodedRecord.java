package org.gridvault.ingest;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One record of a payload after decoding: the values that passed validation (indexed by metric, NaN when absent),
 * for the sender or, from a gateway, for the child device it names.
 */
record DecodedRecord(
        int index,
        @Nullable String childSerial,
        Instant ts,
        @Nullable Long seq,
        double[] values) {

    boolean hasValues() {
        for (var value : values) {
            if (!Double.isNaN(value)) {
                return true;
            }
        }
        return false;
    }
}
