package org.gridvault.sites;

import java.time.Instant;
import org.gridvault.accounts.PersonId;

/** A person created a site and owns it. */
public record SiteCreated(SiteId siteId, PersonId owner, Instant at) {}
