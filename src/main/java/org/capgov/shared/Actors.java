package org.capgov.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who is acting, from where, and with what scope; {@code system} outside a request (start-up, jobs). */
public final class Actors {

    public static final String SYSTEM = "system";

    private Actors() {
    }

    public static Optional<ScopedPrincipal> principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ScopedPrincipal p) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    public static String username() {
        return principal().map(ScopedPrincipal::username).orElse(SYSTEM);
    }

    /** The caller's scope; no scope at all when nobody is logged in. */
    public static DataScope scope() {
        return principal().map(ScopedPrincipal::scope).orElse(DataScope.nothing());
    }

    public static Optional<String> remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return Optional.ofNullable(request.getRemoteAddr());
        }
        return Optional.empty();
    }
}
