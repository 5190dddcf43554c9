/**
 * Privacy: what GridVault promises about personal data, enforced in one place: the versioned privacy notice,
 * consents bound to it, the decision point every cross-person read goes through, the disclosure ledger, per-person
 * encryption keys (crypto-shredding) wrapped by a key-encryption key, and keyed pseudonyms and lookup hashes. Depends
 * on no domain module; every module holding personal data depends on it, and answers its questions through the SPIs
 * it defines. Also the hash-chained audit log of sensitive operations ({@link org.gridvault.privacy.AuditLog},
 * {@link org.gridvault.privacy.AuditVerifier}) and the personal-data catalog ({@code catalog}).
 */
@ApplicationModule(
        displayName = "Privacy",
        allowedDependencies = {"problems", "database"})
@NullMarked
package org.gridvault.privacy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
