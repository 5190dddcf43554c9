package org.gridvault.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridvault.insights.FlowInterval;
import org.gridvault.insights.Flows;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The data of the overview's two charts, in kWh, as ECharts draws them: bars per interval (what leaves the site,
 * export and battery charging, below zero) and the period's energy flows for the Sankey diagram (sources solar, grid
 * and battery on the left, sinks home, EV, battery and grid on the right; battery and grid appear on both sides, so
 * their nodes have distinct ids and shared labels).
 */
@Component
class EnergyCharts {

    private final MessageSource messages;

    EnergyCharts(MessageSource messages) {
        this.messages = messages;
    }

    Map<String, Object> bars(List<FlowInterval> intervals, EnergyPeriod period, ZoneId zone, Locale locale) {
        var format = EnergyPeriod.barFormat(period.kind(), locale);
        var labels = new ArrayList<String>();
        var production = new ArrayList<Double>();
        var consumption = new ArrayList<Double>();
        var imported = new ArrayList<Double>();
        var exported = new ArrayList<Double>();
        var charged = new ArrayList<Double>();
        var discharged = new ArrayList<Double>();
        var ev = new ArrayList<Double>();
        for (var interval : intervals) {
            var measured = interval.measured();
            labels.add(interval.start().atZone(zone).format(format));
            production.add(kWh(measured.productionWh()));
            consumption.add(kWh(measured.consumptionWh()));
            imported.add(kWh(measured.gridImportWh()));
            exported.add(-kWh(measured.gridExportWh()));
            charged.add(-kWh(measured.batteryChargeWh()));
            discharged.add(kWh(measured.batteryDischargeWh()));
            ev.add(kWh(measured.evChargingWh()));
        }
        var chart = new LinkedHashMap<String, Object>();
        chart.put("labels", labels);
        chart.put("production", production);
        chart.put("consumption", consumption);
        chart.put("gridImport", imported);
        chart.put("gridExport", exported);
        chart.put("batteryCharge", charged);
        chart.put("batteryDischarge", discharged);
        chart.put("ev", ev);
        return chart;
    }

    Map<String, Object> sankey(Flows flows, Locale locale) {
        var solar = text("live.solar", locale);
        var grid = text("live.grid", locale);
        var battery = text("live.battery", locale);
        var nodes = List.of(
                node("solar", "solar", solar),
                node("grid-in", "grid", grid),
                node("battery-out", "battery", battery),
                node("home", "home", text("live.home", locale)),
                node("ev", "ev", text("live.ev", locale)),
                node("battery-in", "battery", battery),
                node("grid-out", "grid", grid));
        var links = List.of(
                link("solar", "home", flows.solarToHomeWh()),
                link("solar", "ev", flows.solarToEvWh()),
                link("solar", "battery-in", flows.solarToBatteryWh()),
                link("solar", "grid-out", flows.solarToGridWh()),
                link("grid-in", "home", flows.gridToHomeWh()),
                link("grid-in", "ev", flows.gridToEvWh()),
                link("grid-in", "battery-in", flows.gridToBatteryWh()),
                link("battery-out", "home", flows.batteryToHomeWh()),
                link("battery-out", "ev", flows.batteryToEvWh()),
                link("battery-out", "grid-out", flows.batteryToGridWh()));
        return Map.of("nodes", nodes, "links", links);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static Map<String, Object> node(String id, String kind, String label) {
        return Map.of("id", id, "kind", kind, "label", label);
    }

    private static Map<String, Object> link(String source, String target, long wh) {
        return Map.of("source", source, "target", target, "value", kWh(wh));
    }

    static double kWh(long wh) {
        return wh / 1000.0;
    }
}
