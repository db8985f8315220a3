package org.capgov.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.capgov.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exchanges a username and password for a short-lived API token (the same lockout as the login form applies); lists
 * and revokes the caller's own tokens.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "API tokens 接口令牌")
class AuthTokenController {

    record TokenRequest(String username, String password) {
    }

    /** One of the caller's tokens; {@code state} is ACTIVE, REVOKED, SUPERSEDED or EXPIRED. */
    record OwnToken(long id, String name, String kind, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
            Instant revokedAt, String state) {
        static OwnToken of(ApiToken t, Instant now) {
            return new OwnToken(t.id(), t.name(), t.kind(), t.createdAt(), t.expiresAt(), t.lastUsedAt(), t.revokedAt(),
                    t.stateAt(now));
        }
    }

    private final AuthenticationManager authentication;
    private final ApiTokenService tokens;
    private final Clock clock;

    AuthTokenController(AuthenticationManager authentication, ApiTokenService tokens, Clock clock) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping("/tokens")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The caller's own API tokens 我的接口令牌")
    List<OwnToken> ownTokens(@AuthenticationPrincipal CapgovUser user) {
        Instant now = clock.instant();
        return tokens.ownTokens(user.id()).stream().map(t -> OwnToken.of(t, now)).toList();
    }

    @DeleteMapping("/tokens/{id}")
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of the caller's own tokens 吊销我的接口令牌")
    void revokeOwn(@AuthenticationPrincipal CapgovUser user, @PathVariable long id) {
        tokens.revokeOwn(user.id(), id);
    }

    @PostMapping("/token")
    @PermitAll
    @Operation(summary = "Issue an API token 签发接口令牌")
    IssuedToken token(@RequestBody TokenRequest request) {
        if (request == null || request.username() == null || request.username().isBlank()) {
            throw DomainException.invalid("username", "error.auth.usernameRequired");
        }
        if (request.password() == null || request.password().isEmpty()) {
            throw DomainException.invalid("password", "error.auth.passwordRequired");
        }
        Authentication result = authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
        CapgovUser user = (CapgovUser) result.getPrincipal();
        if (user.mustChangePassword()) {
            throw DomainException.forbidden("error.auth.mustChangePassword");
        }
        return tokens.issueLoginToken(user);
    }
}
