package org.gridvault.privacy;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person corrected their data (rectification, promise P24), for a register of requests to record.
 *
 * @param resource what was corrected ({@code site:<id>}), or null for the person's profile
 * @param notices how many recipients were sent a correction notice
 */
public record PersonalDataCorrected(
        SubjectId subject, Set<String> categories, @Nullable String resource, Instant at, int notices) {}
