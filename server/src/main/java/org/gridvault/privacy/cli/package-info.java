/** Command-line side of privacy: commands run by {@code ./gridvault} against a stopped server's database. */
@NullMarked
package org.gridvault.privacy.cli;

import org.jspecify.annotations.NullMarked;
