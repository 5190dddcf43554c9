package org.gridvault.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gridvault.accounts.AccessToken;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.accounts.NewAccessToken;
import org.gridvault.accounts.PersonalTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Access tokens", description = "Personal access tokens for scripts")
@RestController
class TokensController {

    record NewToken(@NotBlank String name, @Nullable Instant expiresAt) {}

    private final PersonalTokens tokens;

    TokensController(PersonalTokens tokens) {
        this.tokens = tokens;
    }

    @Operation(
            summary = "Create a personal access token",
            description = "The token is in this response only; store it now.")
    @PostMapping("/api/v1/me/tokens")
    ResponseEntity<NewAccessToken> create(
            @AuthenticationPrincipal AuthenticatedPerson me, @Valid @RequestBody NewToken request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(tokens.create(me.id(), request.name(), request.expiresAt()));
    }

    @Operation(summary = "Your active personal access tokens (without their secrets)")
    @GetMapping("/api/v1/me/tokens")
    List<AccessToken> list(@AuthenticationPrincipal AuthenticatedPerson me) {
        return tokens.list(me.id());
    }

    @Operation(summary = "Revoke a personal access token")
    @DeleteMapping("/api/v1/me/tokens/{tokenId}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID tokenId) {
        tokens.revoke(me.id(), tokenId);
        return ResponseEntity.noContent().build();
    }
}
