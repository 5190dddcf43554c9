package org.gridvault.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.gridvault.accounts.AccountsProperties;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.accounts.Authentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Sessions", description = "Log in and out")
@RestController
class SessionsController {

    record LogIn(@NotBlank String email, @NotNull String password) {}

    record Started(String token, UUID personId, Instant expiresAt) {}

    private final Authentication authentication;
    private final Duration lifetime;

    SessionsController(Authentication authentication, AccountsProperties properties) {
        this.authentication = authentication;
        this.lifetime = properties.sessionLifetime();
    }

    @Operation(
            summary = "Log in",
            description =
                    "Returns a bearer token for the API and sets the session cookie for the browser. Repeated failures for one address are throttled (429 with Retry-After).")
    @PostMapping("/api/v1/sessions")
    ResponseEntity<Started> logIn(@Valid @RequestBody LogIn request, HttpServletRequest http) {
        var session = authentication.logIn(request.email(), request.password());
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.SET_COOKIE,
                        SessionCookie.issue(session.token(), lifetime, http).toString())
                .body(new Started(session.token(), session.personId().value(), session.expiresAt()));
    }

    @Operation(summary = "Log out", description = "Revokes the token or session used for this call.")
    @DeleteMapping("/api/v1/sessions/current")
    ResponseEntity<Void> logOut(@AuthenticationPrincipal AuthenticatedPerson me, HttpServletRequest http) {
        authentication.logOut(me);
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, SessionCookie.clear(http).toString())
                .build();
    }
}
