package org.gridvault.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Why (part of) a payload was not accepted.
 *
 * @param record the index of the record in the payload, or null when the whole payload was rejected
 * @param metric the rejected metric, or null when the whole record was rejected
 * @param code a stable code, such as {@code telemetry:metric.unknown}
 * @param reason what was wrong and what to send instead
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejection(@Nullable Integer record, @Nullable String metric, String code, String reason) {

    static Rejection ofPayload(String code, String reason) {
        return new Rejection(null, null, code, reason);
    }

    static Rejection ofRecord(int record, String code, String reason) {
        return new Rejection(record, null, code, reason);
    }

    static Rejection ofValue(int record, String metric, String code, String reason) {
        return new Rejection(record, metric, code, reason);
    }
}
