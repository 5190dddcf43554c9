package org.gridvault.privacy;

import java.util.Optional;
import java.util.UUID;

/**
 * Names the recipients in a person's disclosure list ("who received my data"). Implemented by the module that knows
 * people and organisations; the privacy module keeps only their ids.
 */
public interface RecipientNames {

    Optional<String> personName(UUID personId);

    Optional<String> organisationName(UUID organisationId);
}
