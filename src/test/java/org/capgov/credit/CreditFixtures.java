package org.capgov.credit;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.capgov.enforcement.CaseAction;
import org.capgov.enforcement.CaseDeadlineMissed;
import org.capgov.enforcement.CaseKind;
import org.capgov.enforcement.CaseState;
import org.capgov.enforcement.CaseTransitioned;
import org.capgov.identity.SystemActor;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseDraft;
import org.capgov.registry.EnterpriseService;
import org.capgov.shared.Dimension;
import org.capgov.shared.Uscc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enterprises created through the registry service, and the case events enforcement publishes, published here
 * inside a transaction as the case service does. USCC bodies start with "C" (this module's range) and a random
 * number, so tests never meet each other's enterprises on the shared database.
 */
final class CreditFixtures {

    private final EnterpriseService enterprises;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    CreditFixtures(EnterpriseService enterprises, ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.enterprises = enterprises;
        this.events = events;
        this.transaction = transaction;
    }

    static String randomUscc(String region) {
        return Uscc.compose("91", region, "C" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000)));
    }

    static String caseId(String prefix) {
        return prefix + "-2024-" + (100_000 + ThreadLocalRandom.current().nextInt(900_000));
    }

    Enterprise enterprise(String region, List<String> affiliates) {
        String code = randomUscc(region);
        return SystemActor.call(() -> enterprises.create(new EnterpriseDraft(code, "测试信用钢铁有限公司" + code.substring(10),
                region, List.of("STEEL"), null, null, null, affiliates, null, null, null, null)));
    }

    Enterprise enterprise(String region) {
        return enterprise(region, null);
    }

    void transition(Enterprise e, String caseId, Dimension dimension, CaseAction action, CaseState from, CaseState to,
            LocalDate effective, String document) {
        CaseTransitioned event = new CaseTransitioned(caseId, CaseKind.RECTIFICATION, e.id(), e.uscc(), e.regionPath(),
                dimension, action, from, to, effective, document, "FL-JXW", null, null);
        transaction.executeWithoutResult(s -> events.publishEvent(event));
    }

    void closureApproved(Enterprise e, String caseId, Dimension dimension, LocalDate effective, String document) {
        transition(e, caseId, dimension, CaseAction.APPROVE_CLOSURE, CaseState.CLOSURE_PROPOSED, CaseState.CLOSURE_APPROVED,
                effective, document);
    }

    void exitVerified(Enterprise e, String caseId, LocalDate effective) {
        transition(e, caseId, Dimension.ENERGY, CaseAction.VERIFY_EXIT, CaseState.EXIT_IN_PROGRESS, CaseState.EXIT_VERIFIED,
                effective, "现场核查记录");
    }

    void deadlineMissed(Enterprise e, String caseId, CaseState state, LocalDate deadline) {
        CaseDeadlineMissed event = new CaseDeadlineMissed(caseId, CaseKind.EXIT, e.id(), e.uscc(), e.regionPath(),
                Dimension.TECHNOLOGY, state, deadline, "FL-JXW", null);
        transaction.executeWithoutResult(s -> events.publishEvent(event));
    }
}
