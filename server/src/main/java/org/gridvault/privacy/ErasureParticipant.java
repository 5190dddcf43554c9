package org.gridvault.privacy;

/**
 * A module's share in erasing people: the bean that listens to {@link ErasureRequested}, erases the module's rows of
 * the person and reports with {@link ErasureReports#report}{@code (request, part())}. An erasure completes (and the
 * person's key is destroyed) only once every participant has reported.
 */
public interface ErasureParticipant {

    /** The name the participant reports under, such as {@code sites}; unique. */
    String part();
}
