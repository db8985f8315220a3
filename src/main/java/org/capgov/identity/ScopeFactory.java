package org.capgov.identity;

import java.util.List;
import org.capgov.shared.DataScope;
import org.capgov.shared.ScopeGrant;

/** The one place where memberships become a data scope. */
public final class ScopeFactory {

    private ScopeFactory() {
    }

    public static DataScope of(List<Membership> memberships) {
        if (memberships.stream().anyMatch(m -> m.role() == Role.ADMIN)) {
            return DataScope.all();
        }
        return DataScope.of(memberships.stream()
                .map(m -> new ScopeGrant(m.regionPath(), m.dimensions(),
                        m.role() == Role.ENTERPRISE ? m.enterpriseUscc() : null))
                .distinct()
                .toList());
    }
}
