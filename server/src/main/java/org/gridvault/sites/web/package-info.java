/** REST endpoints for sites, their sharing and invitations. */
@NullMarked
package org.gridvault.sites.web;

import org.jspecify.annotations.NullMarked;
