package org.gridvault.demo;

import java.time.LocalDate;
import java.util.List;
import org.gridvault.accounts.Accounts;
import org.gridvault.accounts.OrganisationDirectory;
import org.gridvault.accounts.OrganisationKind;
import org.gridvault.accounts.PersonId;
import org.gridvault.accounts.SignUp;
import org.gridvault.devices.DeviceDescription;
import org.gridvault.devices.DeviceKind;
import org.gridvault.devices.DeviceRegistry;
import org.gridvault.devices.GatewayPairing;
import org.gridvault.sites.Sharing;
import org.gridvault.sites.SiteDetails;
import org.gridvault.sites.SiteDirectory;
import org.gridvault.sites.SiteId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the demo accounts, organisations, sites and devices on first start (a restart finds them in the data
 * directory and leaves them alone), then prints where to go and how to log in.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    static final DemoLogin OWNER =
            new DemoLogin("alice@demo.gridvault.org", "demo-owner-pass", "Alice Owner", "homeowner");
    static final DemoLogin NEIGHBOUR = new DemoLogin(
            "bob@demo.gridvault.org", "demo-owner-pass", "Bob Neighbour", "homeowner (shares a site with Alice)");
    static final DemoLogin INSTALLER = new DemoLogin(
            "ivan@demo.gridvault.org", "demo-installer-pass", "Ivan Installer", "admin of SunnyFit Installers");
    static final DemoLogin FLEET =
            new DemoLogin("fiona@demo.gridvault.org", "demo-fleet-pass", "Fiona Fleet", "admin of Metro Fleet");
    static final DemoLogin OPERATOR =
            new DemoLogin("operator@demo.gridvault.org", "demo-operator-pass", "Olga Operator", "platform operator");

    private final Accounts accounts;
    private final OrganisationDirectory organisations;
    private final SiteDirectory sites;
    private final Sharing sharing;
    private final DeviceRegistry devices;
    private final GatewayPairing pairing;
    private final SimulatedHomes simulatedHomes;
    private final DemoFleet fleet;
    private final DemoProperties properties;
    private final Environment environment;

    DemoData(
            Accounts accounts,
            OrganisationDirectory organisations,
            SiteDirectory sites,
            Sharing sharing,
            DeviceRegistry devices,
            GatewayPairing pairing,
            SimulatedHomes simulatedHomes,
            DemoFleet fleet,
            DemoProperties properties,
            Environment environment) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.sites = sites;
        this.sharing = sharing;
        this.devices = devices;
        this.pairing = pairing;
        this.simulatedHomes = simulatedHomes;
        this.fleet = fleet;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        var firstStart = accounts.findByEmail(OWNER.email()).isEmpty();
        if (firstStart) {
            create();
        }
        fleet.launch(simulatedHomes.prepare(properties.simulatedHomes()), firstStart);
        printWelcome();
    }

    private void create() {
        var alice = signUp(OWNER, "Europe/Berlin");
        var bob = signUp(NEIGHBOUR, "Asia/Singapore");
        var ivan = signUp(INSTALLER, "Europe/Berlin");
        var fiona = signUp(FLEET, "Europe/Amsterdam");
        signUp(OPERATOR, "UTC");

        var installer = organisations.create(ivan, "SunnyFit Installers", OrganisationKind.INSTALLER);
        organisations.create(fiona, "Metro Fleet", OrganisationKind.FLEET);

        var home = sites.create(
                alice,
                new SiteDetails(
                        "Alice's home",
                        "Europe/Berlin",
                        "eu",
                        "Sonnenallee 1, 12045 Berlin",
                        52.4862,
                        13.4447,
                        LocalDate.of(2024, 4, 18)));
        register(alice, home.id(), "DEMO-GM-0001", DeviceKind.GRID_METER, "Iskra", "MT174");
        register(alice, home.id(), "DEMO-PV-0001", DeviceKind.PV_INVERTER, "Fronius", "Primo 5.0");
        register(alice, home.id(), "DEMO-BAT-0001", DeviceKind.BATTERY, "BYD", "HVS 7.7");
        register(alice, home.id(), "DEMO-EV-0001", DeviceKind.EV_CHARGER, "go-e", "Charger Gemini");
        var gateway = register(alice, home.id(), "DEMO-GW-0001", DeviceKind.GATEWAY, "Shelly", "Pro 3EM gateway");
        var plug = register(alice, home.id(), "DEMO-PLUG-0001", DeviceKind.SMART_PLUG, "Shelly", "Plug S");
        pairing.pair(alice, plug, gateway);
        sharing.grantInstaller(alice, home.id(), installer.id(), null);
        simulatedHomes.create(properties.simulatedHomes(), ivan, installer.id());

        var cottage = sites.create(
                alice,
                new SiteDetails(
                        "Holiday cottage",
                        "Europe/Lisbon",
                        "eu",
                        "Rua do Sol 7, Lagos",
                        37.1028,
                        -8.6730,
                        LocalDate.of(2025, 6, 2)));
        register(alice, cottage.id(), "DEMO-GM-0002", DeviceKind.GRID_METER, "Iskra", "MT174");
        register(alice, cottage.id(), "DEMO-PV-0002", DeviceKind.PV_INVERTER, "SMA", "Sunny Boy 3.0");

        var flat = sites.create(
                bob,
                new SiteDetails(
                        "Bob's flat",
                        "Asia/Singapore",
                        "sg",
                        "1 Marina Blvd, Singapore",
                        1.2823,
                        103.8536,
                        LocalDate.of(2025, 1, 15)));
        register(bob, flat.id(), "DEMO-PLUG-0101", DeviceKind.SMART_PLUG, "Tapo", "P110");
        register(bob, flat.id(), "DEMO-CM-0101", DeviceKind.CIRCUIT_METER, "Sense", "Flex");
        var invitation = sharing.inviteViewer(bob, flat.id(), OWNER.email());
        sharing.accept(alice, invitation.id());
    }

    private PersonId signUp(DemoLogin login, String timeZone) {
        return accounts.signUp(new SignUp(login.email(), login.password(), login.displayName(), "en", timeZone))
                .id();
    }

    private org.gridvault.devices.DeviceId register(
            PersonId person, SiteId site, String serial, DeviceKind kind, String manufacturer, String model) {
        return devices.register(person, site, new DeviceDescription(serial, kind, manufacturer, model, "1.0.0"))
                .device()
                .id();
    }

    private void printWelcome() {
        var url = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        var lines = new StringBuilder()
                .append("\n\n  GridVault demo is running at ")
                .append(url)
                .append("\n  API documentation: ")
                .append(url)
                .append("/api/docs")
                .append("\n\n  Demo logins (log in at ")
                .append(url)
                .append(" in a browser, or POST ")
                .append(url)
                .append("/api/v1/sessions with email and password):\n");
        for (var login : List.of(OWNER, NEIGHBOUR, INSTALLER, FLEET, OPERATOR)) {
            lines.append("    %-30s %-22s %s%n".formatted(login.email(), login.password(), login.role()));
        }
        lines.append("\n  Press Ctrl-C to stop; data stays in the data directory for the next start.\n");
        log.info("{}", lines);
    }
}
