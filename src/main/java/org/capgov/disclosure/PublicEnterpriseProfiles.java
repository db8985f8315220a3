package org.capgov.disclosure;

import java.time.LocalDate;
import org.springframework.stereotype.Service;

/** Assembles the public page of one enterprise: registry facts, equipment, compliance history, cases and lists. */
@Service
public class PublicEnterpriseProfiles {

    private final PublicEnterpriseDirectory directory;
    private final PublicComplianceHistory history;
    private final PublicEnterpriseEnforcement enforcement;

    PublicEnterpriseProfiles(PublicEnterpriseDirectory directory, PublicComplianceHistory history,
            PublicEnterpriseEnforcement enforcement) {
        this.directory = directory;
        this.history = history;
        this.enforcement = enforcement;
    }

    public PublicEnterpriseProfile of(String uscc) {
        PublicEnterprise e = directory.get(uscc);
        return new PublicEnterpriseProfile(e, directory.equipment(e.uscc()), history.of(e.uscc()),
                enforcement.of(e.uscc(), LocalDate.now(PublicComplianceHistory.CHINA)));
    }
}
