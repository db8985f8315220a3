package org.capgov.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.Actors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import java.time.Clock;

/**
 * Wraps password authentication with lockout (N failures lock the account for M minutes) and audits every login
 * and failed login, for the login form and the token endpoint alike. Each step commits on its own (no surrounding
 * transaction): a failed login must be counted and audited although the login itself fails.
 */
@Component
class LoginGuard {

    private final PersonRepository people;
    private final AuditTrail audit;
    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;

    LoginGuard(Clock clock, PersonRepository people, AuditTrail audit,
            @Value("${capgov.security.lockout-failures:5}") int maxFailures,
            @Value("${capgov.security.lockout-minutes:15}") int lockoutMinutes) {
        this.clock = clock;
        this.people = people;
        this.audit = audit;
        this.maxFailures = maxFailures;
        this.lockout = Duration.ofMinutes(lockoutMinutes);
    }

    AuthenticationProvider guard(AuthenticationProvider passwordCheck) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication request) throws AuthenticationException {
                String username = request.getName();
                try {
                    Authentication result = passwordCheck.authenticate(request);
                    if (result != null && result.getPrincipal() instanceof CapgovUser user) {
                        succeeded(user);
                    }
                    return result;
                } catch (LockedException e) {
                    failed(username, "locked");
                    throw e;
                } catch (BadCredentialsException e) {
                    if (failed(username, "bad-credentials")) {
                        throw new LockedException("locked after " + maxFailures + " failures", e);
                    }
                    throw e;
                } catch (AuthenticationException e) {
                    failed(username, e.getClass().getSimpleName());
                    throw e;
                }
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return passwordCheck.supports(authentication);
            }
        };
    }

    void succeeded(CapgovUser user) {
        people.recordSuccess(user.id());
        audit.recordAs(user.username(), Actors.remoteAddress().orElse(null), new AuditEvent(AuditAction.LOGIN,
                "person", Long.toString(user.id()), user.homeRegionPath(), null, null, null));
    }

    /** Counts the failure; returns true when this failure locked the account. */
    boolean failed(String username, String reason) {
        String ip = Actors.remoteAddress().orElse(null);
        var person = people.findByUsername(username);
        String entityId = person.map(p -> Long.toString(p.id())).orElse(null);
        String path = person.filter(p -> !p.memberships().isEmpty()).map(p -> p.memberships().get(0).regionPath())
                .orElse(null);
        audit.recordAs(username, ip, new AuditEvent(AuditAction.LOGIN_FAILED, "person", entityId, path, reason, null, null));
        if (person.isEmpty() || !"bad-credentials".equals(reason)) {
            return false;
        }
        int failures = people.addFailure(person.get().id());
        if (failures >= maxFailures) {
            Instant until = clock.instant().plus(lockout);
            people.lock(person.get().id(), until);
            audit.recordAs(Actors.SYSTEM, ip, new AuditEvent(AuditAction.ACCOUNT_LOCKED, "person", entityId, path,
                    null, null, Map.of("lockedUntil", until.toString(), "failures", failures)));
            return true;
        }
        return false;
    }
}
