package org.gridvault.portability;

import java.time.Instant;
import java.util.UUID;

/**
 * What a Green Button import stored.
 *
 * @param deviceId the virtual grid meter that carries the imported history (ADR 13)
 * @param intervals interval readings read (import and export together)
 * @param alreadyImported true when the same intervals were imported into this site before: nothing changed
 */
public record ImportResult(
        UUID id,
        UUID siteId,
        UUID deviceId,
        String title,
        Instant from,
        Instant to,
        int intervals,
        long importWh,
        long exportWh,
        Instant importedAt,
        boolean alreadyImported) {

    ImportResult again() {
        return new ImportResult(id, siteId, deviceId, title, from, to, intervals, importWh, exportWh, importedAt, true);
    }
}
