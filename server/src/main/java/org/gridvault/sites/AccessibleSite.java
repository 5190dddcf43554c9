package org.gridvault.sites;

/** A site together with the role through which the person asking sees it. */
public record AccessibleSite(Site site, SiteRole role) {}
