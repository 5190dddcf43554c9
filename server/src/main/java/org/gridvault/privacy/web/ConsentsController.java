package org.gridvault.privacy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.gridvault.privacy.ConsentState;
import org.gridvault.privacy.Consents;
import org.gridvault.privacy.Purpose;
import org.gridvault.privacy.SubjectPrincipal;
import org.gridvault.problems.ApiProblem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Privacy", description = "The privacy notice, your consents and who received your data")
@RestController
class ConsentsController {

    record ConsentChange(@NotNull Boolean granted) {}

    private final Consents consents;

    ConsentsController(Consents consents) {
        this.consents = consents;
    }

    @Operation(summary = "Your consents to the optional purposes (all off until you switch them on)")
    @GetMapping("/api/v1/me/consents")
    List<ConsentState> list(@AuthenticationPrincipal SubjectPrincipal me) {
        return consents.of(me.subjectId());
    }

    @Operation(
            summary = "Grant or withdraw consent to an optional purpose",
            description =
                    "Purposes: marketing, home-comparison, product-improvement, research. Takes effect on the next use of your data; earlier entries stay in the ledger.")
    @PutMapping("/api/v1/me/consents/{purpose}")
    ConsentState set(
            @AuthenticationPrincipal SubjectPrincipal me,
            @PathVariable String purpose,
            @Valid @RequestBody ConsentChange change) {
        var known = Purpose.byWireName(purpose)
                .orElseThrow(() -> ApiProblem.notFound(
                        "privacy:purpose.unknown",
                        "No purpose '%s'. GET /api/v1/me/consents lists the optional ones.".formatted(purpose)));
        return consents.set(me.subjectId(), known, change.granted(), "api");
    }
}
