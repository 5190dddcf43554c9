package org.gridvault.telemetry;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.gridvault.database.Timestamps;
import org.gridvault.devices.DeviceCatalog;
import org.gridvault.devices.DeviceId;
import org.gridvault.devices.DeviceKind;
import org.gridvault.problems.ApiProblem;
import org.gridvault.sites.AccessibleSite;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The energy a site's meters measured per 15 minutes or per hour, streamed from the rollups for exports that may span
 * years (a year of 15-minute values of one counter is 35,040 rows). Only intervals with a value are passed on.
 *
 * <p>Callers prove access with the {@link AccessibleSite} that {@code SiteAccess.require} returned, so the decision
 * (and disclosure record, for anyone but the owner) has already been made once for the whole export. Thread-safe.
 */
@Service
public class MeterIntervals {

    /** Receives one interval's energy in whole Wh. */
    @FunctionalInterface
    public interface IntervalConsumer {
        void accept(Instant start, long energyWh);
    }

    private final DeviceCatalog devices;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    MeterIntervals(DeviceCatalog devices, DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.devices = devices;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setReadOnly(true);
    }

    /** The interval lengths an export may ask for: {@code PT15M} and {@code PT1H} (UTC buckets). */
    public static Duration intervalLength(String interval) {
        var resolution = resolution(interval);
        return resolution == Resolution.HOUR ? Duration.ofHours(1) : Duration.ofMinutes(15);
    }

    /** The site's devices of a kind, decommissioned ones included (their history still belongs to the site). */
    public List<DeviceId> meters(AccessibleSite site, DeviceKind kind) {
        return devices.ofSite(site.site().id()).stream()
                .filter(device -> device.kind() == kind)
                .map(device -> device.id())
                .toList();
    }

    /**
     * Streams the energy of one counter of one of the site's devices per interval in {@code [from, to)}, oldest first.
     *
     * @param interval {@code PT15M} or {@code PT1H}
     * @param counter such as {@link Metric#ENERGY_IMPORT_WH}
     */
    public void forEach(
            AccessibleSite site,
            DeviceId device,
            Metric counter,
            String interval,
            Instant from,
            Instant to,
            IntervalConsumer each) {
        if (!counter.isCounter()) {
            throw new IllegalArgumentException(counter + " is not a counter");
        }
        if (devices.find(device)
                .filter(found -> found.siteId().equals(site.site().id()))
                .isEmpty()) {
            throw new IllegalArgumentException(
                    device + " is not a device of " + site.site().id());
        }
        var resolution = resolution(interval);
        transactions.executeWithoutResult(status -> jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("""
                            select bucket_start, %1$s from telemetry.%2$s
                            where device_id = ? and bucket_start >= ? and bucket_start < ? and %1$s is not null
                            order by bucket_start
                            """.formatted(counter.wireName(), resolution.table()));
                    statement.setFetchSize(2000);
                    statement.setObject(1, device.value());
                    statement.setTimestamp(2, Timestamps.of(from));
                    statement.setTimestamp(3, Timestamps.of(to));
                    return statement;
                },
                (ResultSet row) -> each.accept(Timestamps.readRequired(row, "bucket_start"), row.getLong(2))));
    }

    private static Resolution resolution(String interval) {
        return Resolution.byWireName(interval)
                .filter(found -> found == Resolution.FIFTEEN_MINUTES || found == Resolution.HOUR)
                .orElseThrow(() -> ApiProblem.unprocessable(
                                "telemetry:interval.unsupported",
                                "Interval '%s' is not offered here. Use one of PT15M, PT1H.".formatted(interval))
                        .with("supported", List.of("PT15M", "PT1H").stream().collect(Collectors.joining(", "))));
    }
}
