package org.gridvault.insights;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * How much of its own energy a site used and supplied, each in {@code [0, 1]}, or null where the denominator is 0
 * (no consumption, no production).
 *
 * @param selfSufficiency {@code 1 - gridImport / consumption}: the share of consumption not taken from the grid
 *     (0 when more was imported than consumed, for instance to charge the battery)
 * @param selfConsumption {@code (production - export) / production}: the share of production used on the site
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Ratios(
        @Nullable Double selfSufficiency, @Nullable Double selfConsumption) {

    public static Ratios of(MeasuredEnergy energy) {
        return new Ratios(
                energy.consumptionWh() == 0 ? null : clamp(1 - (double) energy.gridImportWh() / energy.consumptionWh()),
                energy.productionWh() == 0
                        ? null
                        : clamp((double) (energy.productionWh() - energy.gridExportWh()) / energy.productionWh()));
    }

    private static double clamp(double ratio) {
        return Math.clamp(ratio, 0.0, 1.0);
    }
}
