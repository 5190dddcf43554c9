package org.gridvault.privacy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * Why personal data is processed. Every decision names one. Optional purposes need the person's consent, given
 * under the current privacy notice; the others rest on the contract or the law.
 */
public enum Purpose {
    /** Providing the service the person signed up for: their own views, and those they shared with. */
    SERVICE("service", LegalBasis.CONTRACT, "Provide the service you use"),
    /** Keeping the data (the only use left when processing is restricted). */
    STORAGE("storage", LegalBasis.LEGAL_OBLIGATION, "Keep your data while the law or your request requires"),
    /** Establishing or defending legal claims (also allowed while processing is restricted). */
    LEGAL_CLAIMS("legal-claims", LegalBasis.LEGAL_OBLIGATION, "Establish or defend legal claims"),
    MARKETING("marketing", LegalBasis.CONSENT, "News and offers from the operator of this GridVault"),
    HOME_COMPARISON("home-comparison", LegalBasis.CONSENT, "Compare your consumption with similar homes"),
    PRODUCT_IMPROVEMENT("product-improvement", LegalBasis.CONSENT, "Improve the product from how you use it"),
    RESEARCH("research", LegalBasis.CONSENT, "Research on de-identified data");

    private final String wireName;
    private final LegalBasis basis;
    private final String description;

    Purpose(String wireName, LegalBasis basis, String description) {
        this.wireName = wireName;
        this.basis = basis;
        this.description = description;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public LegalBasis basis() {
        return basis;
    }

    public String description() {
        return description;
    }

    /** Whether the person must opt in (and may opt out at any time). */
    public boolean needsConsent() {
        return basis == LegalBasis.CONSENT;
    }

    public static Optional<Purpose> byWireName(String name) {
        return Arrays.stream(values())
                .filter(purpose -> purpose.wireName.equals(name))
                .findFirst();
    }
}
