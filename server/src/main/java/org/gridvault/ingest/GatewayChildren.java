package org.gridvault.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.gridvault.devices.Device;
import org.gridvault.devices.DeviceCatalog;
import org.gridvault.devices.DeviceId;
import org.springframework.stereotype.Component;

/**
 * Which children each gateway may report for, cached briefly so a gateway's messages do not each cost a query. A
 * pairing change takes effect within {@code gatewayCacheTime}.
 */
@Component
class GatewayChildren {

    private record Children(Instant loadedAt, Map<String, DeviceId> bySerial) {}

    private final Map<DeviceId, Children> cache = new ConcurrentHashMap<>();
    private final DeviceCatalog catalog;
    private final IngestProperties properties;
    private final Clock clock;

    GatewayChildren(DeviceCatalog catalog, IngestProperties properties, Clock clock) {
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    Optional<DeviceId> child(DeviceId gateway, String serial) {
        var now = clock.instant();
        var children = cache.compute(
                gateway,
                (id, cached) -> cached != null
                                && cached.loadedAt()
                                        .plus(properties.gatewayCacheTime())
                                        .isAfter(now)
                        ? cached
                        : new Children(
                                now,
                                catalog.childrenOf(id).stream()
                                        .collect(Collectors.toMap(Device::serialNumber, Device::id, (a, b) -> a))));
        return Optional.ofNullable(children.bySerial().get(serial));
    }
}
