package org.gridvault.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.accounts.Reauthentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Sessions", description = "Log in and out")
@RestController
class ReauthenticationController {

    record Confirm(@NotNull String password) {}

    record Confirmed(Instant freshUntil) {}

    private final Reauthentication reauthentication;

    ReauthenticationController(Reauthentication reauthentication) {
        this.reauthentication = reauthentication;
    }

    @Operation(
            summary = "Confirm your password again",
            description =
                    "Marks the session or token used for this call as freshly authenticated for a few minutes, as erasure and account cancellation require.")
    @PostMapping("/api/v1/me/reauthentication")
    Confirmed confirm(@AuthenticationPrincipal AuthenticatedPerson me, @Valid @RequestBody Confirm request) {
        return new Confirmed(reauthentication.confirm(me, request.password()));
    }
}
