/** HTTP side of accounts: the REST endpoints and how a request proves who sent it. */
@NullMarked
package org.gridvault.accounts.web;

import org.jspecify.annotations.NullMarked;
