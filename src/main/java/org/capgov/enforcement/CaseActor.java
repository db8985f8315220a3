package org.capgov.enforcement;

import java.util.Set;
import java.util.stream.Collectors;
import org.capgov.identity.Role;
import org.capgov.shared.Actors;
import org.capgov.shared.DataScope;
import org.capgov.shared.Dimension;
import org.capgov.shared.ScopeGrant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who acts on a case: the person's name, roles and data scope, read once from the security context. */
public record CaseActor(String username, Set<Role> roles, DataScope scope) {

    /** Roles that enforce (ADMIN runs the platform, it does not enforce; OBSERVER only reads). */
    static final Set<Role> OFFICERS = Set.of(Role.COORDINATOR, Role.DEPARTMENT_OFFICER, Role.DISTRICT_OFFICER);

    public static CaseActor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Set<String> authorities = auth == null ? Set.of()
                : auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
        for (Role r : Role.values()) {
            if (authorities.contains(r.authority())) {
                roles.add(r);
            }
        }
        return new CaseActor(Actors.username(), roles, Actors.scope());
    }

    /** An enforcing role and a grant (not narrowed to one enterprise) covering the region and the dimension. */
    public boolean officerFor(String regionPath, Dimension dimension) {
        return roles.stream().anyMatch(OFFICERS::contains) && covers(regionPath, dimension);
    }

    public boolean coordinatorFor(String regionPath, Dimension dimension) {
        return roles.contains(Role.COORDINATOR) && covers(regionPath, dimension);
    }

    /** The ENTERPRISE role with a grant for exactly this enterprise. */
    public boolean enterprise(String uscc) {
        return roles.contains(Role.ENTERPRISE)
                && scope.grants().stream().anyMatch(g -> uscc.equals(g.enterpriseUscc()));
    }

    private boolean covers(String regionPath, Dimension dimension) {
        if (scope.unrestricted()) {
            return true;
        }
        for (ScopeGrant g : scope.grants()) {
            if (g.enterpriseUscc() == null && g.covers(regionPath) && g.dimensions().contains(dimension)) {
                return true;
            }
        }
        return false;
    }
}
