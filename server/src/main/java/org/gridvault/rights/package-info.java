/**
 * Data-subject rights, self-service: erasure, restriction, objection and account cancellation (with its grace
 * period), each behind the checks it needs (a fresh re-authentication for the destructive ones), and the operator's
 * view of the request register. The register, the erasure fan-out and the ledgers themselves live in privacy; this
 * module adds what needs the accounts module (who is calling, re-authentication). Does not export or rectify data.
 */
@ApplicationModule(
        displayName = "Rights",
        allowedDependencies = {"accounts", "privacy", "problems"})
@NullMarked
package org.gridvault.rights;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
