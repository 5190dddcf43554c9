package org.gridvault.devices.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.devices.DeviceDescription;
import org.gridvault.devices.DeviceId;
import org.gridvault.devices.DeviceKind;
import org.gridvault.devices.DeviceRegistry;
import org.gridvault.devices.GatewayPairing;
import org.gridvault.devices.RegisteredDevice;
import org.gridvault.sites.SiteId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Devices", description = "Register, claim, pair and decommission field devices")
@RestController
class DevicesController {

    /** The serial is checked by the registry, so an empty one gets devices:serial.invalid like any other bad one. */
    record NewDevice(
            @NotNull String serialNumber,
            @NotNull DeviceKind kind,
            @Nullable String manufacturer,
            @Nullable String model,
            @Nullable String firmwareVersion) {}

    record Claim(@NotBlank String serialNumber, @NotBlank String claimCode) {}

    record Pairing(@NotNull UUID gatewayId) {}

    private final DeviceRegistry registry;
    private final GatewayPairing pairing;

    DevicesController(DeviceRegistry registry, GatewayPairing pairing) {
        this.registry = registry;
        this.pairing = pairing;
    }

    @Operation(
            summary = "Register a device on a site (owner or installer)",
            description =
                    "The response carries the device's secret, the only time it is shown: the device uses serial + secret to report (MQTT username/password or HTTP Basic).")
    @PostMapping("/api/v1/sites/{siteId}/devices")
    ResponseEntity<DeviceView> register(
            @AuthenticationPrincipal AuthenticatedPerson me,
            @PathVariable UUID siteId,
            @Valid @RequestBody NewDevice request) {
        var registered = registry.register(
                me.id(),
                new SiteId(siteId),
                new DeviceDescription(
                        request.serialNumber(),
                        request.kind(),
                        request.manufacturer(),
                        request.model(),
                        request.firmwareVersion()));
        return created(registered);
    }

    @Operation(summary = "Claim a pre-provisioned device onto a site with the claim code from its label")
    @PostMapping("/api/v1/sites/{siteId}/devices/claims")
    ResponseEntity<DeviceView> claim(
            @AuthenticationPrincipal AuthenticatedPerson me,
            @PathVariable UUID siteId,
            @Valid @RequestBody Claim request) {
        return created(registry.claim(me.id(), new SiteId(siteId), request.serialNumber(), request.claimCode()));
    }

    @Operation(summary = "The devices of a site you can see")
    @GetMapping("/api/v1/sites/{siteId}/devices")
    List<DeviceView> list(
            @AuthenticationPrincipal AuthenticatedPerson me,
            @PathVariable UUID siteId,
            @RequestParam(defaultValue = "false") boolean includeDecommissioned) {
        return registry.devicesOf(me.id(), new SiteId(siteId), includeDecommissioned).stream()
                .map(DeviceView::of)
                .toList();
    }

    @Operation(summary = "One device")
    @GetMapping("/api/v1/devices/{deviceId}")
    DeviceView one(@AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID deviceId) {
        return DeviceView.of(registry.device(me.id(), new DeviceId(deviceId)));
    }

    @Operation(
            summary = "Decommission a device (owner or installer)",
            description = "Its secret stops working at once and its serial can be registered again.")
    @DeleteMapping("/api/v1/devices/{deviceId}")
    DeviceView decommission(@AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID deviceId) {
        return DeviceView.of(registry.decommission(me.id(), new DeviceId(deviceId)));
    }

    @Operation(summary = "Issue a new secret for a device; the old one stops working at once")
    @PostMapping("/api/v1/devices/{deviceId}/secret")
    DeviceView replaceSecret(@AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID deviceId) {
        var registered = registry.replaceSecret(me.id(), new DeviceId(deviceId));
        return DeviceView.withSecret(registered.device(), registered.secret());
    }

    @Operation(summary = "Pair a device with the gateway that reports for it")
    @PutMapping("/api/v1/devices/{deviceId}/gateway")
    DeviceView pair(
            @AuthenticationPrincipal AuthenticatedPerson me,
            @PathVariable UUID deviceId,
            @Valid @RequestBody Pairing request) {
        return DeviceView.of(pairing.pair(me.id(), new DeviceId(deviceId), new DeviceId(request.gatewayId())));
    }

    @Operation(summary = "Unpair a device from its gateway")
    @DeleteMapping("/api/v1/devices/{deviceId}/gateway")
    DeviceView unpair(@AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID deviceId) {
        return DeviceView.of(pairing.unpair(me.id(), new DeviceId(deviceId)));
    }

    private static ResponseEntity<DeviceView> created(RegisteredDevice registered) {
        return ResponseEntity.created(
                        URI.create("/api/v1/devices/" + registered.device().id()))
                .body(DeviceView.withSecret(registered.device(), registered.secret()));
    }
}
