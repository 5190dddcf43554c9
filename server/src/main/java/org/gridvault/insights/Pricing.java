package org.gridvault.insights;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeMap;
import org.gridvault.telemetry.EnergyInterval;

/**
 * Prices quarter hours of one site with its tariff versions, exactly (no rounding): energy costs are Wh times a price
 * of at most 6 decimals divided by 1000, and a day's fixed charge is split into its quarter hours in units of
 * 10^-9 with the remainder going to the first quarter hours, so the quarter hours of a whole day add up to exactly
 * the daily charge (a day has 92, 96 or 100 quarter hours around daylight-saving changes).
 */
final class Pricing {

    private static final long QUARTER_SECONDS = 900;
    private static final int FIXED_CHARGE_SCALE = 9;

    /** The exact amounts of one quarter hour or a sum of them. */
    record Amounts(BigDecimal importCost, BigDecimal exportRevenue, BigDecimal fixedCharge) {

        static final Amounts NONE = new Amounts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        Amounts plus(Amounts other) {
            return new Amounts(
                    importCost.add(other.importCost),
                    exportRevenue.add(other.exportRevenue),
                    fixedCharge.add(other.fixedCharge));
        }

        BigDecimal net() {
            return importCost.add(fixedCharge).subtract(exportRevenue);
        }
    }

    private final TreeMap<LocalDate, Tariff> versions = new TreeMap<>();
    private final ZoneId zone;

    Pricing(List<Tariff> versions, ZoneId zone) {
        versions.forEach(version -> this.versions.put(version.validFrom(), version));
        this.zone = zone;
    }

    /** The amounts of one quarter hour; nothing before the first version applies. */
    Amounts price(EnergyInterval quarter) {
        var local = LocalDateTime.ofInstant(quarter.start(), zone);
        var version = versions.floorEntry(local.toLocalDate());
        if (version == null) {
            return Amounts.NONE;
        }
        var tariff = version.getValue();
        var importPrice = tariff.importPriceAt(local.getDayOfWeek(), local.toLocalTime());
        return new Amounts(
                kilowattHours(quarter.gridImportWh()).multiply(importPrice),
                kilowattHours(quarter.gridExportWh()).multiply(tariff.exportPricePerKwh()),
                fixedShare(tariff.dailyCharge(), local.toLocalDate(), quarter.start()));
    }

    private static BigDecimal kilowattHours(long wattHours) {
        return BigDecimal.valueOf(wattHours, 3);
    }

    private BigDecimal fixedShare(BigDecimal dailyCharge, LocalDate date, Instant quarterStart) {
        var dayStart = date.atStartOfDay(zone).toInstant();
        var dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        long quarters = Math.ceilDiv(Duration.between(dayStart, dayEnd).toSeconds(), QUARTER_SECONDS);
        long index = Duration.between(dayStart, quarterStart).toSeconds() / QUARTER_SECONDS;
        long units = dailyCharge.movePointRight(FIXED_CHARGE_SCALE).longValueExact();
        long share = units / quarters + (index < units % quarters ? 1 : 0);
        return BigDecimal.valueOf(share, FIXED_CHARGE_SCALE);
    }
}
