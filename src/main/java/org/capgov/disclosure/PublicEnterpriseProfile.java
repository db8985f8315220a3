package org.capgov.disclosure;

import java.util.List;

/** Everything the public enterprise page shows, and its JSON twin returns. */
public record PublicEnterpriseProfile(PublicEnterprise enterprise, List<PublicEnterprise.Equipment> equipment,
        ComplianceHistory complianceHistory, PublicEnterpriseEnforcement.Summary enforcement) {
}
