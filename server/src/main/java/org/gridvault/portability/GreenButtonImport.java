package org.gridvault.portability;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gridvault.accounts.PersonId;
import org.gridvault.devices.Device;
import org.gridvault.devices.DeviceDescription;
import org.gridvault.devices.DeviceKind;
import org.gridvault.devices.DeviceRegistry;
import org.gridvault.problems.ApiProblem;
import org.gridvault.sites.SiteAccess;
import org.gridvault.sites.SiteId;
import org.gridvault.sites.SitePermission;
import org.gridvault.telemetry.Metric;
import org.gridvault.telemetry.Reading;
import org.gridvault.telemetry.TelemetryOverloadException;
import org.gridvault.telemetry.TelemetryWriter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Reads a Green Button feed into a site's grid-meter history (promise P28). The intervals become the cumulative
 * import and export counters of a virtual grid meter of the site, one per imported feed (ADR 13), so the site's energy
 * endpoints, rollups and exports treat them like any meter's.
 *
 * <p>Only someone who may change the site (its owner) imports. Importing the same intervals into the same site again
 * changes nothing; a feed that overlaps an earlier, different import of the site is refused (it would count that
 * time twice). Thread-safe.
 */
@Service
public class GreenButtonImport {

    /** The most interval readings one feed may carry: five years of 15-minute import and export values. */
    static final int MAX_INTERVALS = 2 * 5 * 366 * 96;

    private static final int READINGS_PER_APPEND = 5_000;
    private static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);

    private final SiteAccess access;
    private final DeviceRegistry registry;
    private final TelemetryWriter writer;
    private final GreenButtonImports imports;
    private final Clock clock;

    GreenButtonImport(
            SiteAccess access,
            DeviceRegistry registry,
            TelemetryWriter writer,
            GreenButtonImports imports,
            Clock clock) {
        this.access = access;
        this.registry = registry;
        this.writer = writer;
        this.imports = imports;
        this.clock = clock;
    }

    public ImportResult importFeed(PersonId person, SiteId site, InputStream feed) {
        access.require(person, site, SitePermission.EDIT);
        var intervals = GreenButtonReader.read(feed);
        var now = clock.instant();
        if (intervals.last().isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw ApiProblem.unprocessable(
                            "portability:greenbutton.interval-in-future",
                            "The feed has intervals ending at %s, in the future. Check the feed's timestamps (seconds since 1970, UTC)."
                                    .formatted(intervals.last()))
                    .with("end", intervals.last().toString());
        }
        var hash = intervals.contentHash();
        var earlier = imports.find(site, hash);
        if (earlier.isPresent()) {
            return earlier.get().again();
        }
        var overlapping = imports.overlapping(site, intervals.first(), intervals.last());
        if (!overlapping.isEmpty()) {
            var other = overlapping.getFirst();
            throw ApiProblem.conflict(
                            "portability:import.overlaps",
                            "This feed covers %s to %s, which overlaps the feed imported on %s (%s to %s); importing both would count that time twice. Import only the part after %s."
                                    .formatted(
                                            intervals.first(),
                                            intervals.last(),
                                            other.importedAt(),
                                            other.from(),
                                            other.to(),
                                            other.to()))
                    .with("importId", other.id());
        }
        var meter = meterFor(person, site, hash, intervals.title());
        write(meter, intervals);
        var result = new ImportResult(
                UUID.randomUUID(),
                site.value(),
                meter.id().value(),
                intervals.title(),
                intervals.first(),
                intervals.last(),
                intervals.size(),
                intervals.importWh(),
                intervals.exportWh(),
                now,
                false);
        if (!imports.insert(result, hash, person)) {
            return imports.find(site, hash).orElseThrow().again();
        }
        return result;
    }

    /** The import's virtual grid meter: registered on first try, found again when an earlier try failed midway. */
    private Device meterFor(PersonId person, SiteId site, String hash, String title) {
        var serial = "greenbutton-" + hash.substring(0, 32);
        return registry.devicesOf(person, site, false).stream()
                .filter(device -> device.serialNumber().equals(serial))
                .findFirst()
                .orElseGet(() -> registry.register(
                                person,
                                site,
                                new DeviceDescription(
                                        serial,
                                        DeviceKind.GRID_METER,
                                        "Green Button import",
                                        title.isBlank() ? null : truncate(title),
                                        null))
                        .device());
    }

    /** One reading at every interval boundary, carrying the import and export counters (ADR 13). */
    private void write(Device meter, FeedIntervals intervals) {
        var imported = intervals.imported();
        var exported = intervals.exported();
        var importedBefore = FeedIntervals.cumulativeBefore(imported);
        var exportedBefore = FeedIntervals.cumulativeBefore(exported);
        var batch = new ArrayList<Reading>(READINGS_PER_APPEND);
        for (long boundary : intervals.boundaries()) {
            var values = Reading.noValues();
            values[Metric.ENERGY_IMPORT_WH.ordinal()] = FeedIntervals.counterAt(imported, importedBefore, boundary);
            values[Metric.ENERGY_EXPORT_WH.ordinal()] = FeedIntervals.counterAt(exported, exportedBefore, boundary);
            batch.add(new Reading(meter.id(), Instant.ofEpochSecond(boundary), values));
            if (batch.size() == READINGS_PER_APPEND) {
                append(batch);
                batch.clear();
            }
        }
        append(batch);
    }

    private void append(List<Reading> readings) {
        try {
            writer.append(readings).get(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TelemetryOverloadException) {
                throw busy();
            }
            throw new IllegalStateException("Could not store the imported readings", e.getCause());
        } catch (TimeoutException e) {
            throw busy();
        }
    }

    private static ApiProblem busy() {
        return new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "portability:import.busy",
                "Storage is busy right now. Send the same feed again in a minute: what was stored is kept, nothing is counted twice.");
    }

    private static String truncate(String title) {
        return title.length() <= 100 ? title : title.substring(0, 100);
    }
}
