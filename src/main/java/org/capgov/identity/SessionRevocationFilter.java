package org.capgov.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session on its next request once its holder was disabled, locked, had a membership added or
 * removed, changed or had reset their password, or had their sessions ended by an administrator: all of these raise
 * the person's security version, which the session no longer matches. The session is invalidated and the browser
 * sent to the login page; nothing of the request runs.
 */
class SessionRevocationFilter extends OncePerRequestFilter {

    private final PersonRepository people;
    private final Clock clock;

    SessionRevocationFilter(PersonRepository people, Clock clock) {
        this.people = people;
        this.clock = clock;
    }

    /** Style sheets, scripts and images change nothing and reveal nothing: they are spared the look-up. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CapgovUser user && !stillValid(user)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login?ended");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(CapgovUser user) {
        return people.standing(user.id())
                .filter(s -> s.securityVersion() == user.securityVersion())
                .filter(PersonRepository.SessionStanding::enabled)
                .filter(s -> s.lockedUntil() == null || !s.lockedUntil().isAfter(clock.instant()))
                .isPresent();
    }
}
