/** REST endpoints of telemetry: device series and site energy. */
@NullMarked
package org.gridvault.telemetry.web;

import org.jspecify.annotations.NullMarked;
