package org.capgov.identity;

import java.util.Set;
import org.capgov.shared.Dimension;

/** A role held in a department over a region subtree × dimensions (× one enterprise for ENTERPRISE). */
public record Membership(long id, long departmentId, String departmentName, Role role, String regionCode,
        String regionName, String regionPath, Set<Dimension> dimensions, String enterpriseUscc, boolean actingFor) {
}
