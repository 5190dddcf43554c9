/**
 * Sites: homes and businesses with energy devices (name, time zone, address, location, home region), and who may
 * see them: the owner, viewers the owner invited, and installer organisations the owner granted. Answers "may this
 * person do this on this site?" for every other module. Does not hold devices (see devices).
 */
@ApplicationModule(
        displayName = "Sites",
        allowedDependencies = {"accounts", "privacy", "problems", "database"})
@NullMarked
package org.gridvault.sites;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
