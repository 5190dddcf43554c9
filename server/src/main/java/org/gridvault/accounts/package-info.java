/**
 * Accounts: people (sign-up, profile, password), how they prove who they are (log-in sessions, personal access
 * tokens, throttling of failed log-ins) and the organisations they belong to (installers and fleets, with admins).
 * Does not decide who may see a site or a device (see sites and devices).
 */
@ApplicationModule(
        displayName = "Accounts",
        allowedDependencies = {"privacy", "problems", "database"})
@NullMarked
package org.gridvault.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
