package org.gridvault.devices.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.devices.DeviceDescription;
import org.gridvault.devices.DeviceKind;
import org.gridvault.devices.Provisioning;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Operator: provisioning", description = "Register devices before sale, for buyers to claim")
@RestController
class ProvisioningController {

    record NewProvisionedDevice(
            @NotNull String serialNumber,
            @NotNull DeviceKind kind,
            @Nullable String manufacturer,
            @Nullable String model,
            @Nullable String firmwareVersion) {}

    record Provisioned(String serialNumber, DeviceKind kind, String claimCode) {}

    private final Provisioning provisioning;

    ProvisioningController(Provisioning provisioning) {
        this.provisioning = provisioning;
    }

    @Operation(
            summary = "Provision a device (platform operators only)",
            description = "Returns the claim code to print on the device label; it is not shown again.")
    @PostMapping("/api/v1/admin/provisioned-devices")
    ResponseEntity<Provisioned> provision(
            @AuthenticationPrincipal AuthenticatedPerson me, @Valid @RequestBody NewProvisionedDevice request) {
        var provisioned = provisioning.provision(
                me.id(),
                new DeviceDescription(
                        request.serialNumber(),
                        request.kind(),
                        request.manufacturer(),
                        request.model(),
                        request.firmwareVersion()));
        return ResponseEntity.status(201)
                .body(new Provisioned(
                        provisioned.device().serialNumber(),
                        provisioned.device().kind(),
                        provisioned.claimCode()));
    }
}
