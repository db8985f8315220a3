package org.capgov.disclosure;

import org.springframework.stereotype.Service;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/** Assembles the public page of one enterprise: registry facts, equipment, compliance history, cases and lists. */
@Service
public class PublicEnterpriseProfiles {

    private final PublicEnterpriseDirectory directory;
    private final PublicComplianceHistory history;
    private final PublicEnterpriseEnforcement enforcement;
    private final Clock clock;

    PublicEnterpriseProfiles(Clock clock, PublicEnterpriseDirectory directory, PublicComplianceHistory history,
            PublicEnterpriseEnforcement enforcement) {
        this.clock = clock;
        this.directory = directory;
        this.history = history;
        this.enforcement = enforcement;
    }

    public PublicEnterpriseProfile of(String uscc) {
        PublicEnterprise e = directory.get(uscc);
        return new PublicEnterpriseProfile(e, directory.equipment(e.uscc()), history.of(e.uscc()),
                enforcement.of(e.uscc(), ChinaTime.today(clock)));
    }
}
