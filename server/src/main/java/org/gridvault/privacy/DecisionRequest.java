package org.gridvault.privacy;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A question for the decision point: may {@code actor} process {@code subject}'s data of these categories, for this
 * purpose, in this resource?
 *
 * @param grant the grant the caller relies on for {@link Purpose#SERVICE} reads of someone else's data
 * @param dataRegion the home region of the data (a site's region), checked against this node's region when set
 */
public record DecisionRequest(
        SubjectId actor,
        SubjectId subject,
        Purpose purpose,
        Set<String> categories,
        String resource,
        @Nullable AccessGrant grant,
        @Nullable String dataRegion) {}
