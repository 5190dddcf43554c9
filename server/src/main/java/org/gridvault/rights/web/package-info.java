/** REST endpoints of data-subject rights: {@code /api/v1/me/...} for the person, {@code /api/v1/admin/...} for operators. */
@NullMarked
package org.gridvault.rights.web;

import org.jspecify.annotations.NullMarked;
