package org.capgov.enforcement;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.compliance.EvaluationService;
import org.capgov.compliance.Finding;
import org.capgov.compliance.FindingsRow;
import org.capgov.compliance.FindingsService;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EnterpriseStatus;
import org.capgov.registry.Equipment;
import org.capgov.registry.EquipmentService;
import org.capgov.shared.Dimension;
import org.capgov.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import java.time.Clock;
import org.capgov.shared.ChinaTime;

/**
 * Opens a case: checks the input in full (400 naming the field), the officer's scope (403), then the enterprise's
 * standing (409), assigns the department, sets the deadline, stores the notice as the first event, makes the
 * registry follow, audits and publishes {@link CaseTransitioned}.
 * <p>
 * Kind and deadline: an ELIMINATED finding, or TECHNOLOGY on an equipment item the published catalogue lists as
 * eliminated (淘汰类) as of the effective date, opens an EXIT case in EXIT_ORDERED with the catalogue's deadline (even
 * when that has passed: the case is overdue at once); the officer's deadline is used only where the catalogue sets
 * none. Everything else is a RECTIFICATION in NOTICE_ISSUED: for ENERGY, QUALITY and SAFETY six months ("6个月内") unless
 * the officer sets an earlier day (a later one is refused), the officer's deadline for ENVIRONMENT and TECHNOLOGY.
 */
@Component
class CaseOpening {

    private static final Set<Dimension> SIX_MONTHS = Set.of(Dimension.ENERGY, Dimension.QUALITY, Dimension.SAFETY);
    private static final Set<String> ORIGINS = Set.of("FINDING", "INSPECTION", "MANUAL");

    private final CaseRepository cases;
    private final DepartmentAssignment assignment;
    private final EnterpriseService enterprises;
    private final EquipmentService equipment;
    private final FindingsService findings;
    private final EvaluationService evaluation;
    private final RegistryFollower registry;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseOpening(Clock clock, CaseRepository cases, DepartmentAssignment assignment, EnterpriseService enterprises,
            EquipmentService equipment, FindingsService findings, EvaluationService evaluation,
            RegistryFollower registry, AuditTrail audit, ApplicationEventPublisher events) {
        this.clock = clock;
        this.cases = cases;
        this.assignment = assignment;
        this.enterprises = enterprises;
        this.equipment = equipment;
        this.findings = findings;
        this.evaluation = evaluation;
        this.registry = registry;
        this.audit = audit;
        this.events = events;
    }

    /** Opens the case and returns its id; runs in the caller's transaction. */
    String open(OpenCaseRequest r, CaseActor actor) {
        return open(r, actor, false);
    }

    /**
     * {@code byPolicy}: the platform opens the case under capgov.enforcement.auto-open (see {@link CaseAutoOpening}):
     * origin POLICY, which people cannot choose, and no officer's scope to check.
     */
    String open(OpenCaseRequest r, CaseActor actor, boolean byPolicy) {
        return open(r, actor, byPolicy, false);
    }

    /**
     * {@code obligation}: an exit the platform orders because an announced replacement plan retires the item (seed 002
     * "列入淘汰名单"): an EXIT case in EXIT_ORDERED with the plan's deadline ({@code r.deadline()}), whatever the
     * catalogue says of the item.
     */
    String open(OpenCaseRequest r, CaseActor actor, boolean byPolicy, boolean obligation) {
        if (r == null) {
            throw DomainException.invalid("uscc", "enforcement.error.required", "uscc");
        }
        limit("document", r.document(), MAX_DOCUMENT);
        limit("note", r.note(), MAX_NOTE);
        LocalDate today = ChinaTime.today(clock);
        FindingsRow finding = finding(r.findingId());
        String uscc = text(r.uscc()) != null ? text(r.uscc()).toUpperCase(Locale.ROOT)
                : finding != null ? finding.uscc() : null;
        if (uscc == null) {
            throw DomainException.invalid("uscc", "enforcement.error.required", "uscc");
        }
        if (finding != null && !finding.uscc().equals(uscc)) {
            throw DomainException.invalid("uscc", "enforcement.error.findingOtherEnterprise", finding.uscc());
        }
        Dimension dimension = dimension(text(r.dimension()) != null ? text(r.dimension())
                : finding != null ? finding.dimension() : null);
        if (finding != null && finding.dimension() != null && !finding.dimension().equals(dimension.name())) {
            throw DomainException.invalid("dimension", "enforcement.error.findingOtherDimension", finding.dimension());
        }
        LocalDate date = r.effectiveDate() == null ? today : r.effectiveDate();
        if (date.isAfter(today)) {
            throw DomainException.invalid("effectiveDate", "enforcement.error.futureDate", date);
        }
        String origin = text(r.origin()) == null ? (finding != null ? "FINDING" : "MANUAL")
                : text(r.origin()).toUpperCase(Locale.ROOT);
        if (!ORIGINS.contains(origin) && !(byPolicy && "POLICY".equals(origin))) {
            throw DomainException.invalid("origin", "enforcement.error.unknownCode", "origin", r.origin());
        }
        Enterprise enterprise = enterprise(uscc);
        String ref = text(r.equipmentRef()) != null ? text(r.equipmentRef())
                : finding != null && !"enterprise".equals(finding.subject()) ? finding.subject() : null;
        Equipment item = ref == null ? null : item(uscc, ref);

        String ruleId = finding == null ? null : finding.ruleId();
        boolean exit = obligation || finding != null && "ELIMINATED".equals(finding.status());
        LocalDate catalogueDeadline = obligation ? r.deadline() : exit ? finding.deadline() : null;
        if (!exit && !obligation && finding == null && dimension == Dimension.TECHNOLOGY && item != null) {
            Finding eliminated = eliminated(uscc, item.code(), date);
            if (eliminated != null) {
                exit = true;
                catalogueDeadline = eliminated.deadline();
                ruleId = eliminated.ruleId();
            }
        }
        LocalDate deadline = deadline(exit, catalogueDeadline, dimension, date, r.deadline());
        if (!exit && finding != null && finding.deadline() != null && finding.deadline().isBefore(deadline)) {
            // the catalogue's outer closure deadline of the violated rule (seed 000 二、（一） "到2018年…实施关闭或淘汰",
            // a consequence in the catalogue) bounds the rectification; once it has passed, the case is due on the day
            // it is opened, so that closure can be proposed from the next day
            deadline = finding.deadline().isBefore(date) ? date : finding.deadline();
        }

        Decision who = byPolicy ? Decision.ALLOWED : WhoMayAct.mayOpen(actor, enterprise.regionPath(), dimension);
        if (!who.allowed()) {
            throw DomainException.forbidden(who.reasonKey(), enterprise.regionName(),
                    CaseService.label("dimension", dimension));
        }
        if (enterprise.status() == EnterpriseStatus.EXITED || enterprise.status() == EnterpriseStatus.DEREGISTERED) {
            throw DomainException.conflict("enforcement.refused.enterpriseGone", enterprise.name(),
                    CaseService.label("enterpriseStatus", enterprise.status()));
        }
        Long equipmentId = item == null ? null : item.id();
        cases.openCaseId(enterprise.id(), dimension, equipmentId).ifPresent(existing -> {
            throw DomainException.conflict("enforcement.refused.alreadyOpen", existing);
        });
        String department = assignment.lead(dimension, enterprise.regionPath(),
                enterprise.industries().stream().map(Enum::name).toList())
                .orElseThrow(() -> DomainException.conflict("enforcement.refused.noDepartment", enterprise.regionName(),
                        CaseService.label("dimension", dimension)));

        CaseKind kind = exit ? CaseKind.EXIT : CaseKind.RECTIFICATION;
        CaseState state = exit ? CaseState.EXIT_ORDERED : CaseState.NOTICE_ISSUED;
        String id = cases.nextId(kind, date);
        boolean stopped = kind == CaseKind.RECTIFICATION && dimension == Dimension.SAFETY;
        try {
            cases.insert(new CaseRepository.NewCase(id, kind, enterprise.id(), uscc, enterprise.regionPath(), dimension,
                    equipmentId, department, state, date, deadline, stopped, finding == null ? null : text(r.findingId()),
                    ruleId, origin, actor.username()));
        } catch (DuplicateKeyException e) {
            // another officer opened the same case a moment ago
            throw DomainException.conflict("enforcement.refused.alreadyOpen",
                    cases.openCaseId(enterprise.id(), dimension, equipmentId).orElse(""));
        }
        cases.insertEvent(id, null, null, state, date, text(r.document()), text(r.note()), null, deadline,
                actor.username());
        EnforcementCase c = cases.find(id, org.capgov.shared.DataScope.all(), today).orElseThrow();
        List<RegistryFollower.Change> changes = registry.opened(c, date, text(r.document()));
        audit.record(AuditEvent.created("enforcement_case", id, c.regionPath(), Map.of("kind", kind, "state", state,
                "uscc", uscc, "dimension", dimension, "department", department, "openedOn", date.toString(),
                "deadline", String.valueOf(deadline), "origin", origin,
                "registry", changes.stream().map(RegistryFollower::audit).toList())));
        events.publishEvent(new CaseTransitioned(id, kind, enterprise.id(), uscc, c.regionPath(), dimension, null, null,
                state, date, text(r.document()), department, equipmentId, deadline));
        return id;
    }

    private FindingsRow finding(String findingId) {
        if (text(findingId) == null) {
            return null;
        }
        FindingsRow row = findings.find(findingId)
                .orElseThrow(() -> DomainException.invalid("findingId", "enforcement.error.findingUnknown", findingId));
        if (!"NONCOMPLIANT".equals(row.status()) && !"ELIMINATED".equals(row.status())) {
            throw DomainException.invalid("findingId", "enforcement.error.findingNotAdverse", row.status());
        }
        return row;
    }

    private Enterprise enterprise(String uscc) {
        try {
            return enterprises.get(uscc);
        } catch (DomainException e) {
            throw DomainException.invalid("uscc", "enforcement.error.enterpriseUnknown", uscc);
        }
    }

    private Equipment item(String uscc, String ref) {
        try {
            return equipment.get(uscc, ref);
        } catch (DomainException e) {
            throw DomainException.invalid("equipmentRef", "enforcement.error.equipmentUnknown", ref, uscc);
        }
    }

    /** The ELIMINATED finding of the published catalogue on this item as of the date, or null. */
    private Finding eliminated(String uscc, String code, LocalDate date) {
        return evaluation.evaluateRegistered(uscc, date).findings().stream()
                .filter(f -> "ELIMINATED".equals(f.status()) && code.equals(f.subject())).findFirst().orElse(null);
    }

    private static LocalDate deadline(boolean exit, LocalDate catalogue, Dimension dimension, LocalDate date,
            LocalDate officer) {
        if (exit) {
            if (catalogue != null) {
                return catalogue;
            }
            if (officer == null) {
                throw DomainException.invalid("deadline", "enforcement.error.deadlineRequiredExit");
            }
        } else if (SIX_MONTHS.contains(dimension)) {
            // seed 001 二、(一)(三)(四) "应在6个月内整改": six months is the outer limit; an officer may set an earlier day
            LocalDate byLaw = CaseDates.plusMonths(date, CaseDates.RECTIFICATION_MONTHS);
            if (officer == null) {
                return byLaw;
            }
            if (officer.isAfter(byLaw)) {
                throw DomainException.invalid("deadline", "enforcement.error.deadlineByLaw",
                        CaseService.label("dimension", dimension), byLaw);
            }
        } else if (officer == null) {
            throw DomainException.invalid("deadline", "enforcement.error.deadlineRequired",
                    CaseService.label("dimension", dimension));
        }
        if (officer.isBefore(date)) {
            throw DomainException.invalid("deadline", "enforcement.error.deadlineBeforeDate", officer, date);
        }
        return officer;
    }

    static Dimension dimension(String code) {
        if (code == null) {
            throw DomainException.invalid("dimension", "enforcement.error.required", "dimension");
        }
        try {
            return Dimension.valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("dimension", "enforcement.error.unknownCode", "dimension", code);
        }
    }

    static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A document number (文号) is printed on letters and public lists; a note is read beside the case. */
    static final int MAX_DOCUMENT = 100;
    static final int MAX_NOTE = 5000;

    static void limit(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw DomainException.invalid(java.util.List.of(new DomainException.FieldProblem(field,
                    value.substring(0, 20) + "…", "过长：" + value.length() + " 字，上限 " + max + " 字")));
        }
    }
}
