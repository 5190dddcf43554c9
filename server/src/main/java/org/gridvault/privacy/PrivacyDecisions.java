package org.gridvault.privacy;

import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * The decision point: may this actor process this person's data, for this purpose? Deny by default.
 *
 * <p>In order: a person's own data is theirs; a restriction leaves only storage and legal claims; an objection
 * switches its purpose off; optional purposes need a current consent; the service purpose needs a grant in force
 * (site grant or organisation role, with its expiry); data of another region is not processed here without a basis.
 * Every allowed decision about someone else's data is written to the {@link DisclosureLedger} before it returns.
 *
 * <pre>{@code
 * var decision = decisions.decide(new DecisionRequest(installer, owner, Purpose.SERVICE,
 *         Set.of("location.precise"), "site:" + id, grant, "eu"));
 * if (!decision.allowed()) throw ...;
 * }</pre>
 */
@Service
public class PrivacyDecisions {

    private final Consents consents;
    private final ProcessingFlags flags;
    private final DisclosureLedger ledger;
    private final PrivacyProperties properties;
    private final Clock clock;

    PrivacyDecisions(
            Consents consents,
            ProcessingFlags flags,
            DisclosureLedger ledger,
            PrivacyProperties properties,
            Clock clock) {
        this.consents = consents;
        this.flags = flags;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
    }

    public Decision decide(DecisionRequest request) {
        var decision = weigh(request);
        if (decision.allowed() && !request.actor().equals(request.subject())) {
            ledger.record(request, decision.basis(), clock.instant());
        }
        return decision;
    }

    private Decision weigh(DecisionRequest request) {
        var purpose = request.purpose();
        var subject = request.subject();
        var personFlags = flags.of(subject);
        if (personFlags.restricted() && purpose != Purpose.STORAGE && purpose != Purpose.LEGAL_CLAIMS) {
            return Decision.deny("processing is restricted at the person's request");
        }
        if (personFlags.objections().contains(purpose)) {
            return Decision.deny("the person objected to " + purpose.wireName());
        }
        if (request.actor().equals(subject)) {
            return purpose.needsConsent() && !consents.allows(subject, purpose)
                    ? Decision.deny("no current consent to " + purpose.wireName())
                    : Decision.allow("the person's own data", "self");
        }
        if (properties.region() != null
                && request.dataRegion() != null
                && !properties.region().equals(request.dataRegion())) {
            return Decision.deny("the data belongs to region %s and this node serves %s; no transfer basis is recorded"
                    .formatted(request.dataRegion(), properties.region()));
        }
        if (purpose.needsConsent()) {
            return consents.allows(subject, purpose)
                    ? Decision.allow("consent to " + purpose.wireName(), "consent")
                    : Decision.deny("no current consent to " + purpose.wireName());
        }
        if (purpose == Purpose.SERVICE) {
            var grant = request.grant();
            if (grant == null) {
                return Decision.deny("no grant gives the recipient access");
            }
            if (grant.expiresAt() != null && !grant.expiresAt().isAfter(clock.instant())) {
                return Decision.deny("the %s grant expired at %s".formatted(grant.kind(), grant.expiresAt()));
            }
            return Decision.allow(
                    "a %s grant in force".formatted(grant.kind()), "grant:" + grant.kind() + ":" + grant.reference());
        }
        return Decision.deny("nothing allows " + purpose.wireName() + " of another person's data");
    }
}
