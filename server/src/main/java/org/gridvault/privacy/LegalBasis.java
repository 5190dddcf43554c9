package org.gridvault.privacy;

import com.fasterxml.jackson.annotation.JsonValue;

/** The lawful basis of processing (GDPR Art. 6(1)). */
public enum LegalBasis {
    CONSENT("consent"),
    CONTRACT("contract"),
    LEGAL_OBLIGATION("legal-obligation"),
    LEGITIMATE_INTEREST("legitimate-interest");

    private final String wireName;

    LegalBasis(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
