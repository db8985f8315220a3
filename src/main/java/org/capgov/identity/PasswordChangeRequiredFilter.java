package org.capgov.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** A person whose password was set by someone else must choose their own before doing anything else. */
@Component
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    static final String CHANGE_PAGE = "/account/password";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (auth != null && auth.getPrincipal() instanceof CapgovUser user && user.mustChangePassword()
                && !path.equals(CHANGE_PAGE) && !path.equals("/logout") && !path.startsWith("/webjars/")
                && !path.startsWith("/css/") && !path.startsWith("/js/") && !path.startsWith("/error")) {
            response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
