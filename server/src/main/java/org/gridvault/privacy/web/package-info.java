/**
 * REST endpoints of the privacy module: the notice, a person's consents and who received their data, and the
 * operators' view of the audit log.
 */
@NullMarked
package org.gridvault.privacy.web;

import org.jspecify.annotations.NullMarked;
