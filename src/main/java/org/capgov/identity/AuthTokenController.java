package org.capgov.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import org.capgov.shared.DomainException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Exchanges a username and password for a short-lived API token; the same lockout as the login form applies. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "API tokens 接口令牌")
class AuthTokenController {

    record TokenRequest(String username, String password) {
    }

    private final AuthenticationManager authentication;
    private final ApiTokenService tokens;

    AuthTokenController(AuthenticationManager authentication, ApiTokenService tokens) {
        this.authentication = authentication;
        this.tokens = tokens;
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
