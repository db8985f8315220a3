package org.capgov.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer …}. A token that is unknown, expired or revoked, or whose holder is
 * disabled or locked out, is answered 401 at once.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;
    private final PersonDetailsService people;
    private final ProblemResponses problems;

    BearerTokenFilter(ApiTokenService tokens, PersonDetailsService people, ProblemResponses problems) {
        this.tokens = tokens;
        this.people = people;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<CapgovUser> user = tokens.resolve(header.substring(7).trim()).map(people::loadById)
                .filter(u -> u.isEnabled() && u.isAccountNonLocked());
        if (user.isEmpty()) {
            problems.write(request, response, 401, "error.auth.badToken");
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
                user.get().getAuthorities());
        authentication.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
