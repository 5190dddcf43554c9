/** HTTP transport: devices POST readings with HTTP Basic (serial:secret). */
@NullMarked
package org.gridvault.ingest.http;

import org.jspecify.annotations.NullMarked;
