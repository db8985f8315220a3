package org.capgov.supervision.leads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.identity.CapgovUser;
import org.capgov.identity.Membership;
import org.capgov.identity.Role;
import org.capgov.shared.Actors;
import org.capgov.shared.SqlPredicate;

/** Who the caller is for leads and problems: coordinators over their region, officers for their departments. */
final class Callers {

    /** Roles that see every lead and problem in their region subtree. */
    private static final Set<Role> SEE_ALL = Set.of(Role.ADMIN, Role.COORDINATOR, Role.OBSERVER);

    private Callers() {
    }

    static boolean coordinator() {
        return Actors.scope().unrestricted() || memberships().stream()
                .anyMatch(m -> m.role() == Role.ADMIN || m.role() == Role.COORDINATOR);
    }

    /** The administrator, or a coordinator over a whole province-level region (e.g. /500000/). */
    static boolean provinceCoordinator() {
        return Actors.scope().unrestricted() || memberships().stream()
                .anyMatch(m -> (m.role() == Role.ADMIN || m.role() == Role.COORDINATOR) && m.regionPath() != null
                        && m.regionPath().chars().filter(c -> c == '/').count() == 2);
    }

    static List<Membership> memberships() {
        return Actors.principal().orElse(null) instanceof CapgovUser user ? user.memberships() : List.of();
    }

    /**
     * The caller's region subtree on {@code pathColumn}, and for officers only the rows held by one of their
     * departments ({@code departmentColumn}).
     */
    static SqlPredicate visibility(String pathColumn, String departmentColumn) {
        SqlPredicate region = Actors.scope().regionPredicate(pathColumn);
        if (Actors.scope().unrestricted()) {
            return region;
        }
        List<Long> departments = new ArrayList<>();
        boolean all = false;
        for (Membership m : memberships()) {
            all |= SEE_ALL.contains(m.role());
            departments.add(m.departmentId());
        }
        if (all) {
            return region;
        }
        Map<String, Object> params = new HashMap<>(region.params());
        params.put("caller_departments", departments.toArray(Long[]::new));
        return new SqlPredicate(region.sql() + " and " + departmentColumn + " in (select code from department"
                + " where id = any(cast(:caller_departments as bigint[])))", params);
    }
}
