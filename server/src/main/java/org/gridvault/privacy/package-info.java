/**
 * Privacy: what GridVault promises about personal data, enforced in one place. Today: per-person encryption keys
 * (crypto-shredding) wrapped by a key-encryption key, and keyed pseudonyms and lookup hashes. Depends on no domain
 * module; every module holding personal data depends on it.
 */
@ApplicationModule(
        displayName = "Privacy",
        allowedDependencies = {"problems", "database"})
@NullMarked
package org.gridvault.privacy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
