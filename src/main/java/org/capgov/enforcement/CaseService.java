package org.capgov.enforcement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.catalog.CatalogRule;
import org.capgov.catalog.CatalogService;
import org.capgov.region.RegionService;
import org.capgov.registry.Equipment;
import org.capgov.registry.EquipmentService;
import org.capgov.shared.Actors;
import org.capgov.shared.Dimension;
import org.capgov.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.time.Clock;
import org.capgov.shared.ChinaTime;

/**
 * The public API of enforcement cases: open, act, read, list, all within the caller's scope. An action is checked in
 * this order, and a refusal changes nothing: input (400 naming the field), visibility (404), who may act (403,
 * {@link WhoMayAct}), the legal rules (409 with the reason, {@link CasePolicies}), and finally the optimistic lock
 * (409 when someone else changed the case meanwhile). The case, its event, exit measure, registry statuses, audit
 * entry and the published {@link CaseTransitioned} commit together.
 */
@Service
public class CaseService {

    /** One page of cases. */
    public record CasePage(long total, int page, int size, List<EnforcementCase> items) {
    }

    public static final int MAX_SIZE = 200;

    private final CaseRepository cases;
    private final CaseOpening opening;
    private final RegistryFollower registry;
    private final EquipmentService equipment;
    private final RegionService regions;
    private final CatalogService catalog;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Set<Dimension> extendable;
    private final Clock clock;

    CaseService(Clock clock, CaseRepository cases, CaseOpening opening, RegistryFollower registry, EquipmentService equipment,
            RegionService regions, CatalogService catalog, AuditTrail audit, ApplicationEventPublisher events,
            @Value("${capgov.enforcement.extension-dimensions:ENERGY}") List<String> extendable) {
        this.clock = clock;
        this.cases = cases;
        this.opening = opening;
        this.registry = registry;
        this.equipment = equipment;
        this.regions = regions;
        this.catalog = catalog;
        this.audit = audit;
        this.events = events;
        Set<Dimension> dims = EnumSet.noneOf(Dimension.class);
        extendable.stream().filter(s -> !s.isBlank()).forEach(s -> dims.add(Dimension.valueOf(s.trim())));
        this.extendable = dims;
    }

    /** Today in China by the one clock (the deadline of "overdue", the default effective date). */
    public LocalDate today() {
        return ChinaTime.today(clock);
    }

    /** Opens a case (see {@link CaseOpening} for kind and deadline) and returns it. */
    @Transactional
    public CaseDetail open(OpenCaseRequest request) {
        String id = opening.open(request, CaseActor.current());
        return get(id);
    }

    /**
     * Opens the exit obligation of retired capacity in an announced replacement plan: an EXIT case (dimension
     * TECHNOLOGY) for the equipment item with the plan's exit deadline, opened by the plan's confirming officer.
     */
    @Transactional
    public CaseDetail openExitObligation(String uscc, String equipmentRef, LocalDate effectiveDate, LocalDate deadline,
            String document, String note) {
        if (deadline == null) {
            throw DomainException.invalid("deadline", "enforcement.error.required", "deadline");
        }
        String id = opening.open(new OpenCaseRequest(uscc, Dimension.TECHNOLOGY.name(), effectiveDate, null,
                equipmentRef, deadline, "POLICY", document, note), CaseActor.current(), true, true);
        return get(id);
    }

    /**
     * Whether an exit case's exit is verified (EXIT_VERIFIED, or ANNOUNCED after it), read regardless of the caller's
     * scope: a project may retire capacity of another region, and its commissioning waits on that exit.
     */
    @Transactional(readOnly = true)
    public boolean exitVerified(String caseId) {
        return cases.find(caseId, org.capgov.shared.DataScope.all(), today())
                .map(c -> c.state() == CaseState.EXIT_VERIFIED || c.state() == CaseState.ANNOUNCED)
                .orElse(false);
    }

    /** Takes one action on a case and returns the case as it then stands. */
    @Transactional
    public CaseDetail act(String caseId, CaseActionRequest r) {
        if (r == null || CaseOpening.text(r.action()) == null) {
            throw DomainException.invalid("action", "enforcement.error.required", "action");
        }
        CaseOpening.limit("document", r.document(), CaseOpening.MAX_DOCUMENT);
        CaseOpening.limit("note", r.note(), CaseOpening.MAX_NOTE);
        CaseAction action;
        try {
            action = CaseAction.valueOf(r.action().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("action", "enforcement.error.unknownCode", "action", r.action());
        }
        LocalDate today = today();
        LocalDate date = r.effectiveDate() == null ? today : r.effectiveDate();
        if (date.isAfter(today)) {
            throw DomainException.invalid("effectiveDate", "enforcement.error.futureDate", date);
        }
        EnforcementCase c = cases.find(caseId, Actors.scope(), today)
                .orElseThrow(() -> DomainException.notFound("enforcement.error.notFound", caseId));
        CaseActor actor = CaseActor.current();
        Decision who = WhoMayAct.check(actor, c, action);
        if (!who.allowed()) {
            throw DomainException.forbidden(who.reasonKey(), label("action", action));
        }
        List<CaseEvent> timeline = cases.timeline(caseId);
        LocalDate previous = timeline.get(timeline.size() - 1).effectiveDate();
        if (date.isBefore(previous)) {
            throw DomainException.invalid("effectiveDate", "enforcement.error.beforePrevious", date, previous);
        }
        ExitMeasure measure = null;
        Equipment item = null;
        LocalDate exitDeadline = null;
        switch (action) {
            case GRANT_EXTENSION -> {
                if (r.months() == null) {
                    throw DomainException.invalid("months", "enforcement.error.required", "months");
                }
                if (r.months() < 1) {
                    throw DomainException.invalid("months", "enforcement.error.monthsPositive", r.months());
                }
            }
            case APPROVE_CLOSURE -> {
                if (CaseOpening.text(r.document()) == null) {
                    throw DomainException.invalid("document", "enforcement.error.documentRequired");
                }
                if (r.deadline() != null && r.deadline().isBefore(date)) {
                    throw DomainException.invalid("deadline", "enforcement.error.deadlineBeforeDate", r.deadline(), date);
                }
                exitDeadline = r.deadline() != null ? r.deadline() : catalogueDeadline(c, date);
            }
            case ANNOUNCE -> {
                // seed 001 二、(五) "在区政府网站公告，接受社会监督": the announcement is published, so it has a reference
                if (CaseOpening.text(r.document()) == null) {
                    throw DomainException.invalid("document", "enforcement.error.announcementRequired");
                }
            }
            case RECORD_EXIT_MEASURE -> {
                measure = measure(r.measure());
                item = exitItem(c, r.equipmentRef(), measure);
                if (r.dismantleDeadline() != null && r.dismantleDeadline().isBefore(date)) {
                    throw DomainException.invalid("dismantleDeadline", "enforcement.error.deadlineBeforeDate",
                            r.dismantleDeadline(), date);
                }
            }
            default -> {
            }
        }
        if (r.version() != null && r.version() != c.version()) {
            throw DomainException.conflict("enforcement.refused.stale", c.id());
        }
        List<ExitMeasureRecord> measures = cases.measures(caseId);
        Decision d = CasePolicies.check(new CaseContext(c, timeline, measures, actor, action, r, measure,
                item == null ? null : item.id(), date, extendable, () -> registry.notExited(c, measures),
                () -> registry.notDismantled(c, measures)));
        if (!d.allowed()) {
            throw DomainException.conflict(d.reasonKey(), labelled(d.args()));
        }
        EnforcementCase after = transition(c, action, r, date, exitDeadline);
        if (!cases.update(after, c.version(), !java.util.Objects.equals(after.deadline(), c.deadline()))) {
            throw DomainException.conflict("enforcement.refused.stale", c.id());
        }
        String document = CaseOpening.text(r.document());
        long eventId = cases.insertEvent(caseId, action, c.state(), after.state(), date, document,
                CaseOpening.text(r.note()), action == CaseAction.GRANT_EXTENSION ? r.months() : null, after.deadline(),
                actor.username());
        List<RegistryFollower.Change> changes = switch (action) {
            case VERIFY_COMPLIANT -> registry.rectified(c, cases.otherOpenRectifications(c.enterpriseId(), c.id()), date,
                    document);
            case APPROVE_CLOSURE -> registry.closureApproved(c, date, document);
            case RECORD_EXIT_MEASURE -> {
                cases.insertMeasure(caseId, item == null ? null : item.id(), measure, date,
                        item == null ? null : item.annualCapacity(), item == null ? null : item.product().name(),
                        Boolean.TRUE.equals(r.commitment()), r.dismantleDeadline(), document, eventId);
                yield registry.exitMeasure(c, item, measure, date, document);
            }
            case ANNOUNCE -> registry.announced(c, date, document);
            default -> List.of();
        };
        Map<String, Object> before = Map.of("state", c.state(), "deadline", String.valueOf(c.deadline()),
                "version", c.version());
        Map<String, Object> afterState = new LinkedHashMap<>();
        afterState.put("state", after.state());
        afterState.put("deadline", String.valueOf(after.deadline()));
        afterState.put("effectiveDate", date.toString());
        afterState.put("document", document == null ? "" : document);
        if (measure != null) {
            afterState.put("measure", measure);
            afterState.put("equipment", item == null ? "" : item.code());
        }
        afterState.put("registry", changes.stream().map(RegistryFollower::audit).toList());
        audit.record(new AuditEvent(AuditAction.UPDATE, "enforcement_case", c.id(), c.regionPath(), action.name(),
                before, afterState));
        events.publishEvent(new CaseTransitioned(c.id(), c.kind(), c.enterpriseId(), c.uscc(), c.regionPath(),
                c.dimension(), action, c.state(), after.state(), date, document, c.department(),
                action == CaseAction.RECORD_EXIT_MEASURE && item != null ? Long.valueOf(item.id()) : c.equipmentId(),
                after.deadline()));
        return get(caseId);
    }

    /** The case with its timeline, exit measures and the actions the caller may take today; 404 outside scope. */
    @Transactional(readOnly = true)
    public CaseDetail get(String caseId) {
        EnforcementCase c = cases.find(caseId, Actors.scope(), today())
                .orElseThrow(() -> DomainException.notFound("enforcement.error.notFound", caseId));
        List<CaseEvent> timeline = cases.timeline(caseId);
        List<ExitMeasureRecord> measures = cases.measures(caseId);
        return new CaseDetail(c, timeline, measures, allowedActions(c, timeline, measures));
    }

    /** Cases in the caller's scope, open ones first by deadline. */
    @Transactional(readOnly = true)
    public CasePage search(CaseFilter filter, int page, int size) {
        if (page < 0) {
            throw DomainException.invalid("page", "error.request.page");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw DomainException.invalid("size", "error.request.size", MAX_SIZE);
        }
        CaseRepository.Page p = cases.page(filter, Actors.scope(), today(), page, size);
        return new CasePage(p.total(), page, size, p.items());
    }

    /** A filter from request parameters (codes as the API spells them); 400 naming the parameter at fault. */
    public CaseFilter filter(String state, String dimension, String region, String uscc, String department,
            Boolean open, Boolean overdue) {
        CaseState s = null;
        if (CaseOpening.text(state) != null) {
            try {
                s = CaseState.valueOf(state.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("state", "enforcement.error.unknownCode", "state", state);
            }
        }
        Dimension d = CaseOpening.text(dimension) == null ? null : CaseOpening.dimension(dimension);
        String path = null;
        if (CaseOpening.text(region) != null) {
            try {
                path = regions.get(region.trim()).path();
            } catch (DomainException e) {
                throw DomainException.invalid("region", "enforcement.error.unknownCode", "region", region);
            }
        }
        return new CaseFilter(s, d, path, CaseOpening.text(uscc) == null ? null : uscc.trim().toUpperCase(Locale.ROOT),
                CaseOpening.text(department), open, overdue);
    }

    /** The actions the current caller may take on the case today (who may act and the rules that need no input). */
    public List<CaseAction> allowedActions(EnforcementCase c, List<CaseEvent> timeline,
            List<ExitMeasureRecord> measures) {
        CaseActor actor = CaseActor.current();
        List<CaseAction> out = new ArrayList<>();
        for (CaseAction a : CaseAction.values()) {
            if (!WhoMayAct.check(actor, c, a).allowed()) {
                continue;
            }
            CaseContext ctx = new CaseContext(c, timeline, measures, actor, a, null, null, null, today(),
                    extendable, () -> registry.notExited(c, measures), () -> registry.notDismantled(c, measures));
            if (a == CaseAction.VERIFY_EXIT ? CasePolicies.STATE_ALLOWS.check(ctx).allowed()
                    : CasePolicies.check(ctx).allowed()) {
                out.add(a);
            }
        }
        return out;
    }

    /** Dimensions whose rectification may be extended (capgov.enforcement.extension-dimensions, ENERGY by default). */
    public Set<Dimension> extendableDimensions() {
        return Set.copyOf(extendable);
    }

    private EnforcementCase transition(EnforcementCase c, CaseAction action, CaseActionRequest r, LocalDate date,
            LocalDate exitDeadline) {
        // a dismantling recorded after the on-site check leaves the case verified, awaiting its announcement
        CaseState to = action == CaseAction.RECORD_EXIT_MEASURE && c.state() == CaseState.EXIT_VERIFIED
                ? CaseState.EXIT_VERIFIED : CasePolicies.TO.get(action);
        LocalDate deadline = switch (action) {
            case GRANT_EXTENSION -> CaseDates.plusMonths(c.deadline(), r.months());
            case APPROVE_CLOSURE -> exitDeadline;
            default -> c.deadline();
        };
        boolean closes = to.closed();
        boolean byLaw = c.closedByLaw() || action == CaseAction.APPROVE_CLOSURE
                || (action == CaseAction.ANNOUNCE && (c.wholeEnterprise()
                        || equipment.of(c.uscc()).stream().noneMatch(q -> RegistryFollower.RUNNING.contains(q.status()))));
        // a deadline that moves starts a new clock: the sweep will report its passing again
        LocalDate overdueSince = java.util.Objects.equals(deadline, c.deadline()) ? c.overdueSince() : null;
        return new EnforcementCase(c.id(), c.kind(), to, c.enterpriseId(), c.uscc(), c.enterpriseName(), c.regionPath(),
                c.dimension(), c.equipmentId(), c.equipmentRef(), c.department(), c.departmentName(), c.openedOn(),
                deadline, c.originalDeadline(), c.extensionUsed() || action == CaseAction.GRANT_EXTENSION,
                c.productionStopped(), closes ? date : null, byLaw, c.findingId(), c.ruleId(), c.origin(), false,
                overdueSince, c.version() + 1, c.createdAt(), c.createdBy());
    }

    /**
     * A closure without an exit deadline could never be sanctioned as a missed exit (seed 001 三(八), 004 三(七) "未按期完成
     * 落后产能退出"), so the decision must carry one: the officer's, else the deadline the published catalogue sets for
     * the case's rule when that day has not passed; otherwise 400 naming the field.
     */
    private LocalDate catalogueDeadline(EnforcementCase c, LocalDate date) {
        LocalDate fromCatalogue = c.ruleId() == null ? null : catalog.current().rules().stream()
                .filter(rule -> rule.id().equals(c.ruleId())).map(CatalogRule::deadline)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (fromCatalogue == null || fromCatalogue.isBefore(date)) {
            throw DomainException.invalid("deadline", "enforcement.error.closureDeadlineRequired");
        }
        return fromCatalogue;
    }

    private static ExitMeasure measure(String code) {
        if (CaseOpening.text(code) == null) {
            throw DomainException.invalid("measure", "enforcement.error.required", "measure");
        }
        try {
            return ExitMeasure.valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("measure", "enforcement.error.unknownCode", "measure", code);
        }
    }

    /** The item of an exit measure: the one named, else the case's own; none for a licence revoked. */
    private Equipment exitItem(EnforcementCase c, String equipmentRef, ExitMeasure measure) {
        String ref = CaseOpening.text(equipmentRef) != null ? equipmentRef.trim() : c.equipmentRef();
        if (ref == null) {
            if (measure == ExitMeasure.LICENCE_REVOKED) {
                return null;
            }
            throw DomainException.invalid("equipmentRef", "enforcement.error.required", "equipmentRef");
        }
        if (c.equipmentRef() != null && !c.equipmentRef().equals(ref)) {
            throw DomainException.invalid("equipmentRef", "enforcement.error.equipmentOutsideCase", ref,
                    c.equipmentRef());
        }
        try {
            return equipment.get(c.uscc(), ref);
        } catch (DomainException e) {
            throw DomainException.invalid("equipmentRef", "enforcement.error.equipmentUnknown", ref, c.uscc());
        }
    }

    /** Codes in a message become their label in the reader's language (enforcement.state.NOTICE_ISSUED …). */
    static Object label(String kind, Enum<?> value) {
        return new DefaultMessageSourceResolvable(new String[] {"enforcement." + kind + "." + value.name()}, value.name());
    }

    static Object[] labelled(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof CaseState s) {
                out[i] = label("state", s);
            } else if (out[i] instanceof CaseAction a) {
                out[i] = label("action", a);
            } else if (out[i] instanceof Dimension d) {
                out[i] = label("dimension", d);
            } else if (out[i] instanceof ExitMeasure m) {
                out[i] = label("measure", m);
            } else if (out[i] instanceof ExitRequirement q) {
                out[i] = label("exitRequirement", q);
            }
        }
        return out;
    }
}
