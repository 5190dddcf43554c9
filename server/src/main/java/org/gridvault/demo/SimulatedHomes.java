package org.gridvault.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridvault.accounts.Accounts;
import org.gridvault.accounts.OrganisationId;
import org.gridvault.accounts.PersonId;
import org.gridvault.accounts.SignUp;
import org.gridvault.devices.DeviceDescription;
import org.gridvault.devices.DeviceKind;
import org.gridvault.devices.DeviceRegistry;
import org.gridvault.simulator.DeviceCredentials;
import org.gridvault.simulator.HomeDevices;
import org.gridvault.simulator.SimulatedHome;
import org.gridvault.simulator.home.Location;
import org.gridvault.sites.Sharing;
import org.gridvault.sites.SiteDetails;
import org.gridvault.sites.SiteDirectory;
import org.gridvault.sites.SiteRole;
import org.springframework.stereotype.Component;

/**
 * The demo's simulated homes: Alice's home and further homes of demo owners ({@code home02@demo.gridvault.org}, …),
 * each with a grid meter, PV inverter, battery and EV charger, all granted to SunnyFit Installers. Creates them once,
 * and at every start gives their devices fresh secrets for the simulator (only hashes are stored, so the old ones
 * cannot be read back).
 */
@Component
class SimulatedHomes {

    static final String OWNER_PASSWORD = "demo-owner-pass";
    private static final List<DeviceKind> KINDS =
            List.of(DeviceKind.GRID_METER, DeviceKind.PV_INVERTER, DeviceKind.BATTERY, DeviceKind.EV_CHARGER);
    /** Where the demo homes are, round-robin: mostly Europe, some Singapore. */
    private static final List<Place> PLACES = List.of(
            new Place("Berlin", 52.52, 13.40, "Europe/Berlin", "eu"),
            new Place("Amsterdam", 52.37, 4.90, "Europe/Amsterdam", "eu"),
            new Place("Munich", 48.14, 11.58, "Europe/Berlin", "eu"),
            new Place("Lisbon", 38.72, -9.14, "Europe/Lisbon", "eu"),
            new Place("Vienna", 48.21, 16.37, "Europe/Vienna", "eu"),
            new Place("Singapore", 1.35, 103.82, "Asia/Singapore", "sg"));

    private record Place(String city, double latitude, double longitude, String zone, String region) {}

    private final Accounts accounts;
    private final SiteDirectory sites;
    private final Sharing sharing;
    private final DeviceRegistry devices;

    SimulatedHomes(Accounts accounts, SiteDirectory sites, Sharing sharing, DeviceRegistry devices) {
        this.accounts = accounts;
        this.sites = sites;
        this.sharing = sharing;
        this.devices = devices;
    }

    static String ownerEmail(int home) {
        return "home%02d@demo.gridvault.org".formatted(home);
    }

    /** Creates homes 2 to {@code count} (Alice's home, number 1, exists already) and grants them to the installer. */
    void create(int count, PersonId installerAdmin, OrganisationId installer) {
        for (int home = 2; home <= count; home++) {
            var place = PLACES.get(home % PLACES.size());
            var owner = accounts.signUp(
                            new SignUp(ownerEmail(home), OWNER_PASSWORD, "Demo owner " + home, "en", place.zone()))
                    .id();
            var site = sites.create(
                    owner,
                    new SiteDetails(
                            "Home %02d (%s)".formatted(home, place.city()),
                            place.zone(),
                            place.region(),
                            null,
                            place.latitude() + 0.01 * home,
                            place.longitude() + 0.01 * home,
                            LocalDate.of(2023, 1 + home % 12, 1)));
            for (var kind : KINDS) {
                devices.register(
                        owner,
                        site.id(),
                        new DeviceDescription(
                                "DEMO-H%02d-%s"
                                        .formatted(
                                                home,
                                                kind.wireName().toUpperCase().replace("_", "")),
                                kind,
                                "GridVault",
                                "Simulated " + kind.wireName().replace('_', ' '),
                                "1.0.0"));
            }
            sharing.grantInstaller(owner, site.id(), installer, null);
        }
    }

    /** The homes to simulate, with fresh device secrets. */
    List<SimulatedHome> prepare(int count) {
        var homes = new ArrayList<SimulatedHome>();
        for (int home = 1; home <= count; home++) {
            var email = home == 1 ? DemoData.OWNER.email() : ownerEmail(home);
            var owner = accounts.findByEmail(email).orElse(null);
            if (owner == null) {
                continue;
            }
            var seed = home;
            sites.sitesOf(owner.id()).stream()
                    .filter(accessible -> accessible.role() == SiteRole.OWNER)
                    .filter(accessible -> accessible.site().latitude() != null)
                    .findFirst()
                    .ifPresent(accessible -> {
                        var site = accessible.site();
                        var registered = devices.devicesOf(owner.id(), site.id(), false);
                        var credentials = new ArrayList<DeviceCredentials>();
                        for (var kind : KINDS) {
                            registered.stream()
                                    .filter(device -> device.kind() == kind)
                                    .findFirst()
                                    .map(device -> devices.replaceSecret(owner.id(), device.id()))
                                    .ifPresent(fresh -> credentials.add(
                                            new DeviceCredentials(fresh.device().serialNumber(), fresh.secret())));
                        }
                        if (credentials.size() == KINDS.size()) {
                            homes.add(SimulatedHome.of(
                                    seed,
                                    new Location(site.latitude(), site.longitude(), site.timeZone()),
                                    new HomeDevices(
                                            credentials.get(0),
                                            credentials.get(1),
                                            credentials.get(2),
                                            credentials.get(3))));
                        }
                    });
        }
        return homes;
    }
}
