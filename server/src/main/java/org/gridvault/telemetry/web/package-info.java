/** REST endpoints for telemetry: latest values, series and energy per interval. */
@NullMarked
package org.gridvault.telemetry.web;

import org.jspecify.annotations.NullMarked;
