/** HTTP side of privacy: the operators' view of the audit log. */
@NullMarked
package org.gridvault.privacy.web;

import org.jspecify.annotations.NullMarked;
