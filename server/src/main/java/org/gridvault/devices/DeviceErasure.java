package org.gridvault.devices;

import java.time.Clock;
import java.util.UUID;
import org.gridvault.privacy.ErasureParticipant;
import org.gridvault.privacy.ErasureReports;
import org.gridvault.privacy.ErasureRequested;
import org.gridvault.privacy.WithoutDisclosure;
import org.gridvault.sites.SiteErased;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases devices with their site ({@link SiteErased}: in service ones are decommissioned first, so their connections
 * close, then {@link DeviceErased} lets telemetry erase their data) and removes an erased person as the one who
 * registered devices on other people's sites.
 */
@WithoutDisclosure("Erases devices of an erased person's sites; reads nothing out")
@Component
class DeviceErasure implements ErasureParticipant {

    /** Stands for an erased person where another person's rows must keep a value. */
    static final UUID ERASED_PERSON = new UUID(0, 0);

    private record ErasedDevice(DeviceId id, String serialNumber, boolean inService) {}

    private final JdbcClient jdbc;
    private final ErasureReports reports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeviceErasure(JdbcClient jdbc, ErasureReports reports, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String part() {
        return "devices";
    }

    @EventListener
    @Order(20)
    @Transactional
    public void on(ErasureRequested event) {
        jdbc.sql("update devices.devices set registered_by = :erased where registered_by = :person")
                .param("person", event.subject().value())
                .param("erased", ERASED_PERSON)
                .update();
        reports.report(event.request(), part());
    }

    /** Runs in the transaction of the site's erasure. */
    @EventListener
    public void on(SiteErased event) {
        var site = event.siteId();
        var now = clock.instant();
        var devices = jdbc.sql("""
                        select id, serial_number, decommissioned_at is null as in_service from devices.devices
                        where site_id = :site
                        """)
                .param("site", site.value())
                .query((row, i) -> new ErasedDevice(
                        new DeviceId(row.getObject("id", UUID.class)),
                        row.getString("serial_number"),
                        row.getBoolean("in_service")))
                .list();
        for (var device : devices) {
            if (device.inService()) {
                events.publishEvent(new DeviceDecommissioned(device.id(), site, device.serialNumber(), now));
            }
            events.publishEvent(new DeviceErased(device.id(), site, now));
        }
        jdbc.sql("""
                        update devices.provisioned_devices set claimed_device_id = null
                        where claimed_device_id in (select id from devices.devices where site_id = :site)
                        """).param("site", site.value()).update();
        jdbc.sql("delete from devices.devices where site_id = :site")
                .param("site", site.value())
                .update();
    }
}
