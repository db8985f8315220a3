package org.capgov.identity;

import java.util.List;
import java.util.function.Supplier;
import org.capgov.shared.Actors;
import org.capgov.shared.DataScope;
import org.capgov.shared.ScopedPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs start-up work (bootstrap admin, demo data) as the platform itself, audited as {@code system}. */
public final class SystemActor {

    private record SystemPrincipal() implements ScopedPrincipal {
        @Override
        public String username() {
            return Actors.SYSTEM;
        }

        @Override
        public DataScope scope() {
            return DataScope.all();
        }
    }

    private SystemActor() {
    }

    public static <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new SystemPrincipal(), null,
                List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
