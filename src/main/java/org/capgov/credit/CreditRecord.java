package org.capgov.credit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.capgov.shared.Dimension;

/**
 * A credit sanction on one enterprise for one case and basis: the measures it imposes from {@code since} until it is
 * repaired ({@code repairedOn}).
 */
public record CreditRecord(long id, String uscc, String enterpriseName, String regionPath, Dimension dimension,
        String departmentCode, CreditBasis basis, String caseId, String document, LocalDate since,
        List<CreditMeasure> measures, String status, LocalDate exitVerifiedOn, LocalDate repairedOn,
        RepairGround repairGround, String repairDocument, String repairNote, String repairedBy, Instant createdAt,
        String createdBy) {

    public static final String ACTIVE = "ACTIVE";
    public static final String REPAIRED = "REPAIRED";

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
