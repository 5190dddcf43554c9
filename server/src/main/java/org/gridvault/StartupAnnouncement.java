package org.gridvault;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says where GridVault can be reached once it is ready to serve. */
@Component
class StartupAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(StartupAnnouncement.class);

    private final Environment environment;

    StartupAnnouncement(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        var url = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        log.info(
                "GridVault is running at {} (open it in a browser to log in; API documentation at {}/api/docs)",
                url,
                url);
    }
}
