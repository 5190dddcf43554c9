package org.gridvault.rights.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.accounts.Reauthentication;
import org.gridvault.privacy.Erasures;
import org.gridvault.privacy.PrivacyRequests;
import org.gridvault.privacy.ProcessingFlags;
import org.gridvault.privacy.Purpose;
import org.gridvault.rights.Cancellations;
import org.gridvault.rights.ProcessingChoices;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Your rights", description = "Erasure, restriction, objection, account cancellation, and your requests")
@RestController
class MyRightsController {

    record Restriction(@NotNull Boolean restricted) {}

    record Flags(boolean restricted, Set<Purpose> objections) {

        static Flags of(ProcessingFlags.Flags flags) {
            return new Flags(flags.restricted(), flags.objections());
        }
    }

    record ErasureStarted(RequestView request, Set<String> parts, Set<String> reported, boolean complete) {}

    record CancellationView(RequestView request, @Nullable Instant effectiveAt, String message) {}

    private final PrivacyRequests requests;
    private final Erasures erasures;
    private final Cancellations cancellations;
    private final ProcessingChoices choices;
    private final Reauthentication reauthentication;
    private final Clock clock;

    MyRightsController(
            PrivacyRequests requests,
            Erasures erasures,
            Cancellations cancellations,
            ProcessingChoices choices,
            Reauthentication reauthentication,
            Clock clock) {
        this.requests = requests;
        this.erasures = erasures;
        this.cancellations = cancellations;
        this.choices = choices;
        this.reauthentication = reauthentication;
        this.clock = clock;
    }

    @Operation(summary = "Your data-subject requests", description = "Newest first, with deadlines and notices.")
    @GetMapping("/api/v1/me/privacy-requests")
    List<RequestView> mine(@AuthenticationPrincipal AuthenticatedPerson me) {
        var now = clock.instant();
        return requests.of(me.subjectId()).stream()
                .map(request -> RequestView.forPerson(request, now))
                .toList();
    }

    @Operation(
            summary = "Erase everything about you",
            description =
                    "Needs a fresh re-authentication (POST /api/v1/me/reauthentication). Erases your account, your sites with their devices and measurements, your grants and consents, then destroys your key. Cannot be undone.")
    @PostMapping("/api/v1/me/erasure")
    ResponseEntity<ErasureStarted> erase(@AuthenticationPrincipal AuthenticatedPerson me) {
        reauthentication.requireFresh(me);
        var request = erasures.request(me.subjectId());
        var progress = erasures.of(request.id()).orElseThrow();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new ErasureStarted(
                        RequestView.forPerson(requests.find(request.id()).orElseThrow(), clock.instant()),
                        progress.parts(),
                        progress.reported(),
                        progress.complete()));
    }

    @Operation(summary = "Your restriction and objections")
    @GetMapping("/api/v1/me/restriction")
    Flags flags(@AuthenticationPrincipal AuthenticatedPerson me) {
        return Flags.of(choices.of(me.subjectId()));
    }

    @Operation(
            summary = "Restrict processing of your data",
            description = "While restricted, your data is only stored (and used for legal claims).")
    @PutMapping("/api/v1/me/restriction")
    Flags restrict(@AuthenticationPrincipal AuthenticatedPerson me, @Valid @RequestBody Restriction request) {
        return Flags.of(choices.restrict(me.subjectId(), request.restricted()));
    }

    @Operation(
            summary = "Object to a purpose",
            description =
                    "Switches the purpose off for you; for marketing absolutely (a later consent does not count).")
    @PutMapping("/api/v1/me/objections/{purpose}")
    Flags object(@AuthenticationPrincipal AuthenticatedPerson me, @PathVariable String purpose) {
        return Flags.of(choices.object(me.subjectId(), purpose, true));
    }

    @Operation(summary = "Withdraw an objection")
    @DeleteMapping("/api/v1/me/objections/{purpose}")
    Flags withdrawObjection(@AuthenticationPrincipal AuthenticatedPerson me, @PathVariable String purpose) {
        return Flags.of(choices.object(me.subjectId(), purpose, false));
    }

    @Operation(
            summary = "Cancel your account",
            description =
                    "Needs a fresh re-authentication. Takes effect after the grace period (see effectiveAt); until then DELETE undoes it. Then everything about you is erased.")
    @PostMapping("/api/v1/me/cancellation")
    ResponseEntity<CancellationView> cancel(@AuthenticationPrincipal AuthenticatedPerson me) {
        reauthentication.requireFresh(me);
        var request = cancellations.request(me.subjectId());
        var message = request.status().pending()
                ? "Your account will be cancelled and everything about you erased at %s. Until then you can undo this with DELETE /api/v1/me/cancellation."
                        .formatted(request.effectiveAt())
                : "Your account has been cancelled and everything about you is being erased.";
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new CancellationView(
                        RequestView.forPerson(request, clock.instant()), request.effectiveAt(), message));
    }

    @Operation(summary = "Undo your account cancellation", description = "Only during the grace period.")
    @DeleteMapping("/api/v1/me/cancellation")
    CancellationView undoCancellation(@AuthenticationPrincipal AuthenticatedPerson me) {
        var request = cancellations.undo(me.subjectId());
        return new CancellationView(
                RequestView.forPerson(request, clock.instant()), null, "Your account will not be cancelled.");
    }
}
