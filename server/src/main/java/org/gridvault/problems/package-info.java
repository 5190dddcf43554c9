/**
 * Problems: how every API error reaches a caller, as an RFC 9457 problem detail with a stable {@code code}
 * ({@code <module>:<subject>.<what>}) and a message that says what to fix. Owns no data.
 */
@ApplicationModule(displayName = "Problems")
@NullMarked
package org.gridvault.problems;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
