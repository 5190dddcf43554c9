package org.gridvault.web;

import java.util.List;
import java.util.UUID;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.devices.DeviceDescription;
import org.gridvault.devices.DeviceKind;
import org.gridvault.devices.DeviceRegistry;
import org.gridvault.sites.SiteDirectory;
import org.gridvault.sites.SiteId;
import org.gridvault.sites.SitePermission;
import org.gridvault.telemetry.DeviceStates;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A site's devices: online or offline, last seen, latest values, kind and firmware; and registering a new one. */
@Controller
class DevicePagesController {

    private final SiteDirectory sites;
    private final DeviceRegistry registry;
    private final DeviceStates states;

    DevicePagesController(SiteDirectory sites, DeviceRegistry registry, DeviceStates states) {
        this.sites = sites;
        this.registry = registry;
        this.states = states;
    }

    @GetMapping("/sites/{siteId}/devices")
    String devices(@AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID siteId, Model model) {
        var accessible = sites.site(me.id(), new SiteId(siteId));
        model.addAttribute("site", accessible.site());
        model.addAttribute("owner", accessible.role().wireName().equals("owner"));
        model.addAttribute("mayRegister", accessible.role().allows(SitePermission.MANAGE_DEVICES));
        model.addAttribute("kinds", List.of(DeviceKind.values()));
        model.addAttribute("devices", reported(me, siteId));
        return "devices";
    }

    /** Registers the device and shows its secret, once; the list below is replaced with one that includes it. */
    @PostMapping("/sites/{siteId}/devices")
    String register(
            @AuthenticationPrincipal AuthenticatedPerson me,
            @PathVariable UUID siteId,
            @RequestParam String serialNumber,
            @RequestParam String kind,
            @RequestParam(required = false) @Nullable String manufacturer,
            @RequestParam(required = false) @Nullable String model,
            @RequestParam(required = false) @Nullable String firmwareVersion,
            Model page) {
        var registered = registry.register(
                me.id(),
                new SiteId(siteId),
                new DeviceDescription(
                        serialNumber.strip(),
                        DeviceKind.valueOf(kind),
                        blankToNull(manufacturer),
                        blankToNull(model),
                        blankToNull(firmwareVersion)));
        page.addAttribute("site", sites.site(me.id(), new SiteId(siteId)).site());
        page.addAttribute("registered", registered);
        page.addAttribute("devices", reported(me, siteId));
        return "devices :: registered";
    }

    private List<LivePower.Reported> reported(AuthenticatedPerson me, UUID siteId) {
        return registry.devicesOf(me.id(), new SiteId(siteId), false).stream()
                .map(device -> new LivePower.Reported(
                        device, states.status(device.id()).orElse(null)))
                .toList();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
