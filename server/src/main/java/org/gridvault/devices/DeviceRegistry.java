package org.gridvault.devices;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.gridvault.accounts.OpaqueSecret;
import org.gridvault.accounts.PersonId;
import org.gridvault.privacy.AuditEntry;
import org.gridvault.privacy.AuditLog;
import org.gridvault.problems.ApiProblem;
import org.gridvault.sites.SiteAccess;
import org.gridvault.sites.SiteId;
import org.gridvault.sites.SitePermission;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers devices on sites, directly or by claiming a pre-provisioned one, and takes them out of service.
 *
 * <p>Registering returns the device's secret once; only its hash is kept, so a lost secret is replaced
 * ({@link #replaceSecret}), never shown again. Owners and installers manage devices; viewers only see them. A device
 * on a site the caller cannot see does not exist for them (404).
 */
@Service
public class DeviceRegistry {

    static final String SECRET_PREFIX = "gv_dev_";
    /** Serial numbers become MQTT topic levels, so they must not contain '/', '+', '#' or spaces. */
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private final Devices devices;
    private final ProvisionedDevices provisioned;
    private final SiteAccess access;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    DeviceRegistry(
            Devices devices,
            ProvisionedDevices provisioned,
            SiteAccess access,
            ApplicationEventPublisher events,
            AuditLog audit,
            Clock clock) {
        this.devices = devices;
        this.provisioned = provisioned;
        this.access = access;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public RegisteredDevice register(PersonId person, SiteId site, DeviceDescription description) {
        access.require(person, site, SitePermission.MANAGE_DEVICES);
        var registered = insert(person, site, validated(description));
        audit.record(deviceEntry(person, "devices.device.registered", registered.device()));
        return registered;
    }

    /**
     * Registers a pre-provisioned device on the site, proven by its claim code. A wrong code and an unknown serial
     * get the same answer, so claim codes cannot be probed serial by serial.
     */
    @Transactional
    public RegisteredDevice claim(PersonId person, SiteId site, String serialNumber, String claimCode) {
        access.require(person, site, SitePermission.MANAGE_DEVICES);
        var candidate = provisioned
                .findUnclaimed(serialNumber.strip())
                .filter(row -> MessageDigest.isEqual(row.claimCodeHash(), ClaimCodes.hash(claimCode)))
                .orElseThrow(
                        () -> ApiProblem.unprocessable(
                                "devices:claim.invalid",
                                "The serial number and claim code do not match an unclaimed device. Check both on the device label."));
        var registered = insert(person, site, candidate.description());
        provisioned.markClaimed(
                candidate.description().serialNumber(), registered.device().id(), clock.instant());
        audit.record(deviceEntry(person, "devices.device.claimed", registered.device()));
        return registered;
    }

    public List<Device> devicesOf(PersonId person, SiteId site, boolean includeDecommissioned) {
        access.require(person, site, SitePermission.VIEW);
        return devices.ofSite(site, includeDecommissioned);
    }

    public Device device(PersonId person, DeviceId id) {
        return visible(person, id, SitePermission.VIEW);
    }

    /** Issues a new secret and invalidates the old one at once (for a lost secret or a replaced controller board). */
    @Transactional
    public RegisteredDevice replaceSecret(PersonId person, DeviceId id) {
        var device = inService(visible(person, id, SitePermission.MANAGE_DEVICES));
        var secret = OpaqueSecret.generate(SECRET_PREFIX);
        devices.replaceSecret(id, secret.hash());
        events.publishEvent(new DeviceSecretReplaced(id, device.serialNumber(), clock.instant()));
        audit.record(deviceEntry(person, "devices.secret.replaced", device));
        return new RegisteredDevice(device, secret.value());
    }

    @Transactional
    public Device decommission(PersonId person, DeviceId id) {
        var device = inService(visible(person, id, SitePermission.MANAGE_DEVICES));
        var now = clock.instant();
        devices.decommission(id, now);
        events.publishEvent(new DeviceDecommissioned(id, device.siteId(), device.serialNumber(), now));
        audit.record(deviceEntry(person, "devices.device.decommissioned", device));
        return devices.findById(id).orElseThrow();
    }

    /** By the owner or an installer; about a site and its device rather than a person, so without a subject. */
    private static AuditEntry deviceEntry(PersonId person, String action, Device device) {
        return AuditEntry.byPerson(person.subject(), action)
                .on("device", device.id())
                .with("site", device.siteId())
                .with("kind", device.kind().wireName());
    }

    /** The device if the person may do {@code permission} on its site; 404 when they cannot see the site. */
    Device visible(PersonId person, DeviceId id, SitePermission permission) {
        var device = devices.findById(id).orElseThrow(() -> notFound(id));
        try {
            access.require(person, device.siteId(), permission);
        } catch (ApiProblem problem) {
            throw problem.status().value() == 404 ? notFound(id) : problem;
        }
        return device;
    }

    static Device inService(Device device) {
        if (!device.inService()) {
            throw ApiProblem.conflict(
                    "devices:device.decommissioned",
                    "Device " + device.serialNumber() + " is decommissioned. Register it again to use it.");
        }
        return device;
    }

    private RegisteredDevice insert(PersonId person, SiteId site, DeviceDescription description) {
        var now = clock.instant();
        var device = new Device(
                DeviceId.random(),
                site,
                description.serialNumber(),
                description.kind(),
                description.manufacturer(),
                description.model(),
                description.firmwareVersion(),
                null,
                now,
                null);
        var secret = OpaqueSecret.generate(SECRET_PREFIX);
        if (!devices.insert(device, secret.hash(), person)) {
            throw ApiProblem.conflict(
                            "devices:serial.taken",
                            "A device with serial number %s is already in service. Decommission it first if it moved."
                                    .formatted(description.serialNumber()))
                    .with("field", "serialNumber");
        }
        events.publishEvent(new DeviceRegistered(device.id(), site, device.serialNumber(), device.kind(), now));
        return new RegisteredDevice(device, secret.value());
    }

    static DeviceDescription validated(DeviceDescription description) {
        var serial = description.serialNumber().strip();
        if (!SERIAL.matcher(serial).matches()) {
            throw ApiProblem.unprocessable(
                            "devices:serial.invalid",
                            "Serial numbers are 1 to 64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit.")
                    .with("field", "serialNumber");
        }
        for (var text : new String[] {description.manufacturer(), description.model(), description.firmwareVersion()}) {
            if (text != null && text.length() > 100) {
                throw ApiProblem.unprocessable(
                        "devices:description.too-long",
                        "Keep manufacturer, model and firmware version under 100 characters.");
            }
        }
        return new DeviceDescription(
                serial,
                description.kind(),
                description.manufacturer(),
                description.model(),
                description.firmwareVersion());
    }

    private static ApiProblem notFound(DeviceId id) {
        return ApiProblem.notFound(
                "devices:device.not-found",
                "No device " + id
                        + " is visible to you. List a site's devices with GET /api/v1/sites/{siteId}/devices.");
    }
}
