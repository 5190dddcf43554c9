package org.gridvault.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.gridvault.accounts.Accounts;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.accounts.Person;
import org.gridvault.accounts.ProfileChange;
import org.gridvault.accounts.SignUp;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Accounts", description = "Sign-up, your profile and your password")
@RestController
class AccountsController {

    record SignUpRequest(
            @NotBlank @Email String email,
            @NotNull String password,
            @NotBlank String displayName,
            @Nullable String language,
            @Nullable String timeZone,
            @Nullable String noticeVersion) {

        /** Surrounding spaces are not part of an address (sign-up and log-in ignore them), so they fail no check. */
        SignUpRequest {
            email = email == null ? null : email.strip();
        }
    }

    record Created(UUID id) {}

    record Profile(UUID id, String email, String displayName, String language, String timeZone, Instant createdAt) {
        static Profile of(Person person) {
            return new Profile(
                    person.id().value(),
                    person.email(),
                    person.displayName(),
                    person.language(),
                    person.timeZone(),
                    person.createdAt());
        }
    }

    record PasswordChange(
            @NotNull String currentPassword, @NotNull String newPassword) {}

    private final Accounts accounts;

    AccountsController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Operation(
            summary = "Open an account",
            description =
                    "Opening an account accepts the privacy notice in force (GET /api/v1/privacy/notice). Send noticeVersion to name the version you showed; if it is no longer current the answer is 409 privacy:notice.outdated.")
    @PostMapping("/api/v1/accounts")
    ResponseEntity<Created> signUp(@Valid @RequestBody SignUpRequest request) {
        var person = accounts.signUp(new SignUp(
                request.email(),
                request.password(),
                request.displayName(),
                request.language(),
                request.timeZone(),
                request.noticeVersion()));
        return ResponseEntity.created(URI.create("/api/v1/me"))
                .body(new Created(person.id().value()));
    }

    @Operation(summary = "Your profile")
    @GetMapping("/api/v1/me")
    Profile me(@AuthenticationPrincipal AuthenticatedPerson me) {
        return Profile.of(accounts.person(me.id()));
    }

    @Operation(summary = "Change your display name, language or time zone")
    @PatchMapping("/api/v1/me")
    Profile updateProfile(@AuthenticationPrincipal AuthenticatedPerson me, @RequestBody ProfileChange change) {
        return Profile.of(accounts.updateProfile(me.id(), change));
    }

    @Operation(
            summary = "Change your password",
            description =
                    "Revokes every other session and personal access token; the one used for this call stays valid.")
    @PutMapping("/api/v1/me/password")
    ResponseEntity<Void> changePassword(
            @AuthenticationPrincipal AuthenticatedPerson me, @Valid @RequestBody PasswordChange change) {
        accounts.changePassword(me, change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }
}
