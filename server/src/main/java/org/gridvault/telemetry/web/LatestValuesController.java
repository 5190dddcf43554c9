package org.gridvault.telemetry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.devices.DeviceId;
import org.gridvault.devices.DeviceRegistry;
import org.gridvault.telemetry.DeviceStates;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Telemetry", description = "Latest values, series and energy")
@RestController
class LatestValuesController {

    record Latest(
            UUID deviceId,
            boolean online,
            @Nullable Instant statusSince,
            @Nullable Instant lastSeenAt,
            @Nullable Instant ts,
            Map<String, Double> values,
            long sequenceGaps,
            long duplicates) {}

    private final DeviceRegistry registry;
    private final DeviceStates states;

    LatestValuesController(DeviceRegistry registry, DeviceStates states) {
        this.registry = registry;
        this.states = states;
    }

    @Operation(
            summary = "A device's latest value of each metric, when it was last seen, and whether it is online",
            description = "A device that never reported is offline with no values.")
    @GetMapping("/api/v1/devices/{deviceId}/latest")
    Latest latest(@AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID deviceId) {
        var device = registry.device(me.id(), new DeviceId(deviceId));
        return states.status(device.id())
                .map(status -> {
                    var values = new LinkedHashMap<String, Double>();
                    status.latest().forEach((metric, value) -> values.put(metric.wireName(), value));
                    return new Latest(
                            deviceId,
                            status.online(),
                            status.statusSince(),
                            status.lastSeenAt(),
                            status.lastReadingAt(),
                            values,
                            status.sequenceGaps(),
                            status.duplicates());
                })
                .orElseGet(() -> new Latest(deviceId, false, null, null, null, Map.of(), 0, 0));
    }
}
