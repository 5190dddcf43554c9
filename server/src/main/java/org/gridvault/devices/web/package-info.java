/** REST endpoints of the device registry. */
@NullMarked
package org.gridvault.devices.web;

import org.jspecify.annotations.NullMarked;
