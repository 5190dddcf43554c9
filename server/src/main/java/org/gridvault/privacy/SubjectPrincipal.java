package org.gridvault.privacy;

/**
 * Whoever is making the current request, seen as a data subject: the privacy endpoints ({@code /api/v1/me/consents},
 * ...) need only this, so the privacy module does not depend on how people log in.
 */
public interface SubjectPrincipal {

    SubjectId subjectId();
}
