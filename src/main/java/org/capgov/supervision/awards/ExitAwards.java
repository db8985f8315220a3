package org.capgov.supervision.awards;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.enforcement.CaseKind;
import org.capgov.enforcement.CaseService;
import org.capgov.enforcement.EnforcementCase;
import org.capgov.registry.Equipment;
import org.capgov.registry.EquipmentService;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.capgov.supervision.subsidy.ClosureSubsidies;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Awards and subsidies for exits (seed 003 三、（六） "积极争取中央财政淘汰落后产能…奖励资金支持"; reading S9, S10): granted by
 * a coordinator per exit case on one equipment item, with the capacity, amount, document and worker resettlement
 * figures; paid in instalments as the exit reaches its steps ({@link AwardPolicies}); refused for capacity used as a
 * replacement indicator, at grant and at every payment. Each change is audited.
 */
@Service
public class ExitAwards implements ClosureSubsidies {

    /** What a coordinator enters: {@code firstYuan} is paid on the verified exit, the rest on its announcement. */
    public record Grant(String caseId, BigDecimal amountYuan, BigDecimal firstYuan, String document,
            Integer workersAffected, Integer workersResettled, BigDecimal resettlementYuan) {
    }

    private final ExitAwardRepository awards;
    private final CaseService cases;
    private final EquipmentService equipment;
    private final AuditTrail audit;
    private final Clock clock;

    ExitAwards(ExitAwardRepository awards, CaseService cases, EquipmentService equipment, AuditTrail audit,
            Clock clock) {
        this.awards = awards;
        this.cases = cases;
        this.equipment = equipment;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public boolean subsidised(long equipmentId) {
        return awards.subsidised(equipmentId);
    }

    @Transactional
    public ExitAward grant(Grant g) {
        coordinatorOnly();
        String caseId = g.caseId() == null ? "" : g.caseId().trim();
        EnforcementCase c = cases.get(caseId).summary();
        List<FieldProblem> wrong = new ArrayList<>();
        if (c.kind() != CaseKind.EXIT && c.state() != org.capgov.enforcement.CaseState.CLOSURE_APPROVED
                && c.state() != org.capgov.enforcement.CaseState.EXIT_IN_PROGRESS
                && c.state() != org.capgov.enforcement.CaseState.EXIT_VERIFIED
                && c.state() != org.capgov.enforcement.CaseState.ANNOUNCED) {
            wrong.add(new FieldProblem("caseId", caseId, "案件 " + caseId + " 不是退出案件"));
        }
        if (c.equipmentId() == null) {
            wrong.add(new FieldProblem("caseId", caseId, "案件 " + caseId + " 未指明退出的设备，奖补按设备的退出产能核定"));
        }
        BigDecimal amount = g.amountYuan();
        if (amount == null || amount.signum() <= 0) {
            wrong.add(new FieldProblem("amountYuan", String.valueOf(amount), "奖补金额应大于 0"));
        }
        BigDecimal first = g.firstYuan() == null ? amount : g.firstYuan();
        if (amount != null && first != null && (first.signum() <= 0 || first.compareTo(amount) > 0)) {
            wrong.add(new FieldProblem("firstYuan", String.valueOf(first), "首期金额应大于 0 且不超过奖补金额"));
        }
        String document = g.document() == null ? "" : g.document().strip();
        if (document.isEmpty() || document.length() > 100) {
            wrong.add(new FieldProblem("document", "", "请填写奖补文件文号（不超过100字）"));
        }
        int affected = g.workersAffected() == null ? 0 : g.workersAffected();
        int resettled = g.workersResettled() == null ? 0 : g.workersResettled();
        if (!AwardPolicies.workersConsistent(affected, resettled)) {
            wrong.add(new FieldProblem("workersResettled", Integer.toString(resettled), "安置职工人数不能为负，也不能多于涉及职工人数"));
        }
        BigDecimal resettlement = g.resettlementYuan() == null ? BigDecimal.ZERO : g.resettlementYuan();
        if (resettlement.signum() < 0) {
            wrong.add(new FieldProblem("resettlementYuan", resettlement.toPlainString(), "安置资金不能为负"));
        }
        if (!wrong.isEmpty()) {
            throw DomainException.invalid(wrong);
        }
        if (awards.exists(caseId)) {
            throw DomainException.conflict("error.award.exists", caseId);
        }
        refuseReplacementUse(c.equipmentId(), c.equipmentRef());
        Equipment item = equipment.get(c.uscc(), c.equipmentRef());
        String[] region = awards.regionOf(c.regionPath()).orElseThrow();
        long id = awards.insert(caseId, c.uscc(), c.enterpriseName(), region[0], c.regionPath(), c.equipmentId(),
                item.code(), item.annualCapacity(), item.unit(), amount, document, affected, resettled, resettlement,
                Actors.username(), clock.instant());
        awards.addInstalment(id, "EXIT_VERIFIED", first);
        if (first.compareTo(amount) < 0) {
            awards.addInstalment(id, "ANNOUNCED", amount.subtract(first));
        }
        ExitAward a = get(id);
        audit.record(AuditEvent.created("supervision_exit_award", Long.toString(id), a.regionPath(), auditState(a)));
        return a;
    }

    /** Pays one instalment once the exit case has reached its step and the capacity is still not a replacement. */
    @Transactional
    public ExitAward pay(long awardId, long instalmentId, LocalDate paidOn, String document) {
        coordinatorOnly();
        ExitAward a = get(awardId);
        ExitAward.Instalment i = a.instalments().stream().filter(x -> x.id() == instalmentId).findFirst()
                .orElseThrow(() -> DomainException.notFound("error.award.notFound", awardId));
        if (i.paid()) {
            throw DomainException.conflict("error.award.paid");
        }
        if (paidOn == null || paidOn.isAfter(ChinaTime.today(clock))) {
            throw DomainException.invalid("paidOn", "error.award.paidOn");
        }
        String doc = document == null ? "" : document.strip();
        if (doc.isEmpty() || doc.length() > 100) {
            throw DomainException.invalid("paidDocument", "error.award.paidDocument");
        }
        String state = cases.get(a.caseId()).summary().state().name();
        if (!AwardPolicies.reached(state, i.step())) {
            throw DomainException.conflict("error.award.stepNotReached", a.caseId(), label("award.step.", i.step()),
                    label("enforcement.state.", state));
        }
        refuseReplacementUse(a.equipmentId(), a.equipmentCode());
        if (!awards.pay(instalmentId, paidOn, doc, Actors.username())) {
            throw DomainException.conflict("error.award.paid");
        }
        ExitAward after = get(awardId);
        audit.record(AuditEvent.updated("supervision_exit_award", Long.toString(awardId), a.regionPath(),
                auditState(a), auditState(after)));
        return after;
    }

    public ExitAward get(long id) {
        return awards.find(id, Actors.scope().regionPredicate("a.region_path"))
                .orElseThrow(() -> DomainException.notFound("error.award.notFound", id));
    }

    /** The awards of a region subtree (a region code; blank for all) in the caller's scope. */
    public List<ExitAward> statement(String region) {
        String path = "/";
        if (region != null && !region.isBlank()) {
            path = awards.pathOf(region.trim()).orElseThrow(() ->
                    DomainException.invalid("region", "error.award.region", region));
        }
        return awards.list(Actors.scope().regionPredicate("a.region_path"), path);
    }

    /** A code as a message argument, resolved to its name in the reader's language. */
    private static org.springframework.context.MessageSourceResolvable label(String prefix, String code) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {prefix + code}, code);
    }

    private void refuseReplacementUse(long equipmentId, String code) {
        awards.replacementUse(equipmentId).ifPresent(use -> {
            throw DomainException.conflict("error.award.replacement", code, use);
        });
    }

    private static void coordinatorOnly() {
        boolean coordinator = Actors.scope().unrestricted() || Actors.principal().orElse(null)
                instanceof org.capgov.identity.CapgovUser u && u.memberships().stream().anyMatch(m ->
                        m.role() == org.capgov.identity.Role.ADMIN || m.role() == org.capgov.identity.Role.COORDINATOR);
        if (!coordinator) {
            throw DomainException.forbidden("error.award.coordinatorOnly");
        }
    }

    private static Map<String, Object> auditState(ExitAward a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseId", a.caseId());
        m.put("uscc", a.uscc());
        m.put("equipment", a.equipmentCode());
        m.put("capacity", a.capacity().toPlainString() + " " + a.unit());
        m.put("amountYuan", a.amountYuan().toPlainString());
        m.put("document", a.document());
        m.put("workersAffected", a.workersAffected());
        m.put("workersResettled", a.workersResettled());
        m.put("resettlementYuan", a.resettlementYuan().toPlainString());
        m.put("paid", a.instalments().stream().filter(ExitAward.Instalment::paid)
                .map(i -> i.step() + " " + i.amountYuan().toPlainString() + " " + i.paidOn() + " " + i.paidDocument())
                .toList());
        return m;
    }
}
