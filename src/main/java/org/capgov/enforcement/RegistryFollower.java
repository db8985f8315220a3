package org.capgov.enforcement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EnterpriseStatus;
import org.capgov.registry.Equipment;
import org.capgov.registry.EquipmentService;
import org.capgov.registry.EquipmentStatus;
import org.capgov.registry.StatusChange;
import org.capgov.shared.Dimension;
import org.springframework.stereotype.Component;

/**
 * Makes the registry follow a case, in the case's transaction, through the registry's public services (which audit
 * each change themselves; the note names the case). The registry keeps one status per enterprise and item:
 * <ul>
 * <li>a rectification notice puts an OPERATING enterprise into RECTIFYING; a SAFETY notice stops production at once
 * (立即停产停业整顿), so the enterprise becomes SUSPENDED — the registry's "production stopped" — rather than
 * RECTIFYING, which would hide that it may not produce;</li>
 * <li>RECTIFIED brings it back to OPERATING unless another rectification of the enterprise is still open (then it
 * stays RECTIFYING, or SUSPENDED while a SAFETY case is open);</li>
 * <li>APPROVE_CLOSURE closes the enterprise (CLOSED); each exit measure moves its equipment item forward to
 * WATER_CUT, POWER_CUT, POWER_UNIT_REMOVED, SEALED or DISMANTLED (never back: a water cut recorded after the
 * sealing leaves it SEALED); ANNOUNCE makes the enterprise EXITED when the case covers the whole enterprise or none
 * of its equipment still operates.</li>
 * </ul>
 * A registry status cannot start before the current one, so a case date earlier than that is recorded on the day
 * the current status began.
 */
@Component
class RegistryFollower {

    /** Exit measures in the order in which they take an item further out of production. */
    private static final List<EquipmentStatus> EXIT_ORDER = List.of(EquipmentStatus.OPERATING, EquipmentStatus.IDLE,
            EquipmentStatus.WATER_CUT, EquipmentStatus.POWER_CUT, EquipmentStatus.POWER_UNIT_REMOVED,
            EquipmentStatus.SEALED, EquipmentStatus.DISMANTLED, EquipmentStatus.TRANSFERRED);
    static final Set<EquipmentStatus> RUNNING = Set.of(EquipmentStatus.OPERATING, EquipmentStatus.IDLE);

    /** One registry change, for the case's audit entry. */
    record Change(String subject, String from, String to, LocalDate since) {
    }

    private final EnterpriseService enterprises;
    private final EquipmentService equipment;

    RegistryFollower(EnterpriseService enterprises, EquipmentService equipment) {
        this.enterprises = enterprises;
        this.equipment = equipment;
    }

    List<Change> opened(EnforcementCase c, LocalDate date, String document) {
        if (c.kind() != CaseKind.RECTIFICATION) {
            return List.of();
        }
        Enterprise e = enterprises.get(c.uscc());
        if (c.dimension() == Dimension.SAFETY && (e.status() == EnterpriseStatus.OPERATING
                || e.status() == EnterpriseStatus.RECTIFYING)) {
            return enterprise(c, e, EnterpriseStatus.SUSPENDED, date, document, "立即停产停业整顿");
        }
        if (e.status() == EnterpriseStatus.OPERATING) {
            return enterprise(c, e, EnterpriseStatus.RECTIFYING, date, document, "限期整改");
        }
        return List.of();
    }

    List<Change> rectified(EnforcementCase c, List<Dimension> otherOpen, LocalDate date, String document) {
        Enterprise e = enterprises.get(c.uscc());
        if (e.status() != EnterpriseStatus.RECTIFYING && e.status() != EnterpriseStatus.SUSPENDED) {
            return List.of();
        }
        EnterpriseStatus next = otherOpen.contains(Dimension.SAFETY) ? EnterpriseStatus.SUSPENDED
                : otherOpen.isEmpty() ? EnterpriseStatus.OPERATING : EnterpriseStatus.RECTIFYING;
        return next == e.status() ? List.of() : enterprise(c, e, next, date, document, "整改验收合格");
    }

    List<Change> closureApproved(EnforcementCase c, LocalDate date, String document) {
        Enterprise e = enterprises.get(c.uscc());
        if (e.status() == EnterpriseStatus.CLOSED || e.status() == EnterpriseStatus.EXITED
                || e.status() == EnterpriseStatus.DEREGISTERED) {
            return List.of();
        }
        return enterprise(c, e, EnterpriseStatus.CLOSED, date, document, "依法关停");
    }

    List<Change> exitMeasure(EnforcementCase c, Equipment item, ExitMeasure measure, LocalDate date, String document) {
        if (item == null || measure == ExitMeasure.LICENCE_REVOKED) {
            return List.of();
        }
        EquipmentStatus target = EquipmentStatus.valueOf(measure.name());
        if (EXIT_ORDER.indexOf(item.status()) >= EXIT_ORDER.indexOf(target)) {
            return List.of();
        }
        LocalDate since = date.isBefore(item.statusSince()) ? item.statusSince() : date;
        equipment.changeStatus(c.uscc(), item.code(), new StatusChange(target.name(), since, document,
                note(c, measure.name())));
        return List.of(new Change("equipment " + item.code(), item.status().name(), target.name(), since));
    }

    List<Change> announced(EnforcementCase c, LocalDate date, String document) {
        Enterprise e = enterprises.get(c.uscc());
        if (e.status() == EnterpriseStatus.EXITED || e.status() == EnterpriseStatus.DEREGISTERED) {
            return List.of();
        }
        boolean allOut = equipment.of(c.uscc()).stream().noneMatch(q -> RUNNING.contains(q.status()));
        if (!c.wholeEnterprise() && !allOut) {
            return List.of();
        }
        return enterprise(c, e, EnterpriseStatus.EXITED, date, document, "退出公告");
    }

    /**
     * The equipment the case covers that has not fully exited yet, with what each item lacks (for the on-site check,
     * {@link ExitRequirement}). Covered: the case's own item, or for the whole enterprise every item still running or
     * named in this case's measures; an item dismantled or transferred in the register is out.
     */
    List<ExitRequirement.Shortfall> notExited(EnforcementCase c, List<ExitMeasureRecord> measures) {
        List<ExitRequirement.Shortfall> left = new ArrayList<>();
        for (Equipment q : covered(c, measures)) {
            List<ExitRequirement> missing = ExitRequirement.missing(ofItem(measures, q));
            if (!missing.isEmpty()) {
                left.add(new ExitRequirement.Shortfall(q.code(), missing));
            }
        }
        return left;
    }

    /** Codes of the covered items not dismantled yet: seed 001 二、(五) "拆除完毕后，在区政府网站公告". */
    List<String> notDismantled(EnforcementCase c, List<ExitMeasureRecord> measures) {
        return covered(c, measures).stream()
                .filter(q -> ofItem(measures, q).stream().noneMatch(m -> m.measure() == ExitMeasure.DISMANTLED))
                .map(Equipment::code).toList();
    }

    private List<Equipment> covered(EnforcementCase c, List<ExitMeasureRecord> measures) {
        List<Equipment> covered = new ArrayList<>();
        for (Equipment q : equipment.of(c.uscc())) {
            boolean gone = q.status() == EquipmentStatus.DISMANTLED || q.status() == EquipmentStatus.TRANSFERRED;
            boolean inCase = c.wholeEnterprise() ? RUNNING.contains(q.status()) || !ofItem(measures, q).isEmpty()
                    : q.id() == c.equipmentId();
            if (inCase && !gone) {
                covered.add(q);
            }
        }
        return covered;
    }

    private static List<ExitMeasureRecord> ofItem(List<ExitMeasureRecord> measures, Equipment q) {
        return measures.stream().filter(m -> m.equipmentId() != null && m.equipmentId() == q.id()).toList();
    }

    private List<Change> enterprise(EnforcementCase c, Enterprise e, EnterpriseStatus target, LocalDate date,
            String document, String what) {
        LocalDate since = date.isBefore(e.statusSince()) ? e.statusSince() : date;
        enterprises.changeStatus(c.uscc(), new StatusChange(target.name(), since, document, note(c, what)));
        return List.of(new Change("enterprise", e.status().name(), target.name(), since));
    }

    private static String note(EnforcementCase c, String what) {
        return "案件 " + c.id() + "：" + what;
    }

    static Map<String, Object> audit(Change change) {
        return Map.of("subject", change.subject(), "from", change.from(), "to", change.to(),
                "since", change.since().toString());
    }
}
