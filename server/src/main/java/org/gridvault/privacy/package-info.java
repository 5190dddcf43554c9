/**
 * Privacy: what GridVault promises about personal data, enforced in one place. Today: per-person encryption keys
 * (crypto-shredding) wrapped by a key-encryption key, keyed pseudonyms and lookup hashes, and the hash-chained
 * audit log of sensitive operations ({@link org.gridvault.privacy.AuditLog}, {@link org.gridvault.privacy.AuditVerifier}).
 * Depends on no domain module; every module holding personal data or performing sensitive operations depends on it.
 */
@ApplicationModule(
        displayName = "Privacy",
        allowedDependencies = {"problems", "database"})
@NullMarked
package org.gridvault.privacy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
