package org.capgov.registry;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.Actors;
import org.springframework.stereotype.Component;

/**
 * The items of an enterprise follow its status (StatusConsistency; docs/decisions/disclosure-readings.md P2, P3): they
 * stop when it leaves production and exactly those come back when it produces again. Each change is written in the
 * item's history with its cause and in the audit trail, inside the caller's transaction.
 */
@Component
class EquipmentFollowsEnterprise {

    /** The names of the statuses, for the notes of the items' histories. */
    private static final Map<EnterpriseStatus, String> STATUS_NAMES = Map.of(
            EnterpriseStatus.OPERATING, "正常生产", EnterpriseStatus.SUSPENDED, "停产",
            EnterpriseStatus.RECTIFYING, "整改中", EnterpriseStatus.CLOSED, "关停",
            EnterpriseStatus.EXITED, "退出", EnterpriseStatus.DEREGISTERED, "注销");

    private final EquipmentRepository equipment;
    private final AuditTrail audit;

    EquipmentFollowsEnterprise(EquipmentRepository equipment, AuditTrail audit) {
        this.equipment = equipment;
        this.audit = audit;
    }

    /** Applies the enterprise's status (taken on {@code date}) to its items; returns how many changed. */
    int follow(Enterprise e, LocalDate date, String document) {
        int changed = 0;
        for (Equipment q : equipment.ofEnterprise(e.id())) {
            Optional<EquipmentStatus> stop = StatusConsistency.follow(e.status(), q.status());
            if (stop.isPresent()) {
                change(e, q, stop.get(), StatusConsistency.effective(date, q.statusSince()), document,
                        "企业状态变为“" + STATUS_NAMES.get(e.status()) + "”，设备随之停止生产",
                        StatusConsistency.STOPPED_WITH_ENTERPRISE);
                changed++;
                continue;
            }
            Optional<EquipmentStatus> back = q.status() == EquipmentStatus.IDLE
                    ? StatusConsistency.restore(e.status(), q.status(), equipment.lastCause(q.id()))
                    : Optional.empty();
            if (back.isPresent()) {
                change(e, q, back.get(), StatusConsistency.effective(date, q.statusSince()), document,
                        "企业状态恢复为“" + STATUS_NAMES.get(e.status()) + "”，随企业停用的设备恢复生产",
                        StatusConsistency.RESTORED_WITH_ENTERPRISE);
                changed++;
            }
        }
        return changed;
    }

    private void change(Enterprise e, Equipment q, EquipmentStatus to, LocalDate since, String document, String note,
            String cause) {
        equipment.addStatus(q.id(), to.name(), since, document, note, Actors.username(), cause);
        equipment.setStatus(q.id(), to, since);
        audit.record(AuditEvent.updated("equipment", e.uscc() + "/" + q.code(), q.regionPath(),
                Map.of("status", q.status(), "since", q.statusSince().toString()),
                Map.of("status", to, "since", since.toString(), "note", note, "cause", cause)));
    }
}
