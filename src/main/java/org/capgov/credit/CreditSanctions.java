package org.capgov.credit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.enforcement.CaseDeadlineMissed;
import org.capgov.enforcement.CaseState;
import org.capgov.enforcement.CaseTransitioned;
import org.capgov.shared.Actors;
import org.capgov.shared.DataScope;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns enforcement's case events into credit records. The listeners are synchronous and join the case's
 * transaction: a closure and its sanction, or a missed exit and its sanction, commit together or not at all.
 * Events may come twice (a sweep re-run, a retried action): a case has at most one record per basis.
 */
@Service
class CreditSanctions {

    private final CreditRecordRepository records;
    private final AuditTrail audit;

    private final org.capgov.shared.Vocabulary vocabulary;

    CreditSanctions(CreditRecordRepository records, AuditTrail audit, org.capgov.shared.Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.records = records;
        this.audit = audit;
    }

    @EventListener
    @Transactional
    public void on(CaseTransitioned event) {
        if (event.to() == CaseState.CLOSURE_APPROVED) {
            create(CreditBasis.CLOSURE_BY_LAW, event.caseId(), event.enterpriseId(), event.uscc(), event.regionPath(),
                    event.dimension(), event.departmentCode(), event.document(), event.effectiveDate());
        } else if (event.to() == CaseState.EXIT_VERIFIED || event.to() == CaseState.ANNOUNCED) {
            // 整改到位: the condition on which seed 001 三(六) lifts the restriction; see CreditRepairPolicy
            for (long id : records.markExitVerified(event.caseId(), event.effectiveDate())) {
                audit.record(new AuditEvent(AuditAction.UPDATE, "credit_record", Long.toString(id), event.regionPath(),
                        "案件 " + event.caseId() + " 退出已核查，可申请信用修复", null,
                        Map.of("caseId", event.caseId(), "exitVerifiedOn", event.effectiveDate().toString())));
            }
        }
    }

    @EventListener
    @Transactional
    public void on(CaseDeadlineMissed event) {
        if (!event.exitDeadline()) {
            return; // a missed rectification deadline leads to closure, not yet to a sanction
        }
        // deadlines are inclusive (DOMAIN §7): the sanction runs from the day after
        LocalDate since = event.deadline().plusDays(1);
        create(CreditBasis.EXIT_DEADLINE_MISSED, event.caseId(), event.enterpriseId(), event.uscc(), event.regionPath(),
                event.dimension(), event.departmentCode(), records.documentOfCase(event.caseId()).orElse(null), since);
    }

    private void create(CreditBasis basis, String caseId, long enterpriseId, String uscc, String regionPath,
            org.capgov.shared.Dimension dimension, String department, String document, LocalDate since) {
        List<CreditMeasure> measures = basis.measures(dimension);
        records.insert(enterpriseId, uscc, regionPath, dimension, department, basis, caseId, document, since, measures,
                Actors.username()).ifPresent(id -> {
                    CreditRecord created = records.find(id, DataScope.all()).orElseThrow();
                    audit.record(new AuditEvent(AuditAction.CREATE, "credit_record", Long.toString(id), regionPath,
                            "失信记录：" + vocabulary.in(org.capgov.shared.Vocabulary.ZH, "credit.basis.", basis)
                                    + "（案件 " + caseId + "）", null, created));
                });
    }
}
