package org.capgov.identity;

import java.util.Set;
import org.capgov.shared.Dimension;

/** What an administrator enters to create a person with a first membership. */
public record NewPerson(String username, String displayName, String password, String departmentCode, Role role,
        String regionCode, Set<Dimension> dimensions, String enterpriseUscc, boolean systemAccount) {
}
