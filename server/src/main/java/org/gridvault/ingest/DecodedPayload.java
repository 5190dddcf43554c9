package org.gridvault.ingest;

import java.util.List;

/** A payload decoded into records, with everything that was rejected along the way. */
record DecodedPayload(List<DecodedRecord> records, List<Rejection> rejections) {

    static DecodedPayload rejected(Rejection rejection) {
        return new DecodedPayload(List.of(), List.of(rejection));
    }
}
