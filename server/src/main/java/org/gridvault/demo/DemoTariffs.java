package org.gridvault.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.gridvault.insights.PriceBand;
import org.gridvault.insights.Tariff;
import org.gridvault.insights.Tariffs;
import org.gridvault.sites.SiteAccess;
import org.gridvault.sites.SiteCreated;
import org.gridvault.sites.SitePermission;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every demo site a time-of-use tariff in the currency of its region when it is created, so that costs show
 * up in the demo: a cheaper night every day, an evening peak on weekdays, an export price and a daily charge, at
 * prices of the order households there pay.
 */
@Component
@Profile("demo")
class DemoTariffs {

    private static final LocalDate SINCE = LocalDate.of(2020, 1, 1);
    private static final EnumSet<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);
    private static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private final SiteAccess access;
    private final Tariffs tariffs;

    DemoTariffs(SiteAccess access, Tariffs tariffs) {
        this.access = access;
        this.tariffs = tariffs;
    }

    @EventListener
    void on(SiteCreated created) {
        var region = access.require(created.owner(), created.siteId(), SitePermission.VIEW)
                .site()
                .region();
        tariffs.put(created.owner(), created.siteId(), tariffFor(region));
    }

    static Tariff tariffFor(String region) {
        return switch (region) {
            case "sg" -> timeOfUse("SGD", "0.30", "0.26", "0.36", "0.12", "0.25");
            case "cn" -> timeOfUse("CNY", "0.55", "0.30", "0.85", "0.39", "0.00");
            default -> timeOfUse("EUR", "0.32", "0.24", "0.42", "0.082", "0.45");
        };
    }

    private static Tariff timeOfUse(
            String currency, String price, String night, String peak, String export, String daily) {
        return new Tariff(
                SINCE,
                currency,
                new BigDecimal(price),
                List.of(
                        new PriceBand(EVERY_DAY, LocalTime.MIDNIGHT, LocalTime.of(6, 0), new BigDecimal(night)),
                        new PriceBand(WEEKDAYS, LocalTime.of(17, 0), LocalTime.of(21, 0), new BigDecimal(peak))),
                new BigDecimal(export),
                new BigDecimal(daily));
    }
}
