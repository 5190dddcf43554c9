/** REST endpoints of the portability module: the personal-data export and Green Button imports. */
@NullMarked
package org.gridvault.portability.web;

import org.jspecify.annotations.NullMarked;
