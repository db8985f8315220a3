package org.capgov.projects.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.capgov.projects.gate.GateDecision;
import org.capgov.projects.gate.GateRequest;

/** A project as stored, with the gate's decision and a reviewer's override when there is one. */
public record Project(long id, long enterpriseId, String uscc, String enterpriseName, String regionCode,
        String regionPath, String name, String kind, String industry, String product, String unit,
        BigDecimal capacityAdded, BigDecimal capacityRemoved, String approvalKind,
        List<GateRequest.Equipment> equipment, LocalDate declaredOn, ProjectStatus status, LocalDate statusSince,
        GateDecision gate, String overrideDecision, int version) {

    /** The decision in force: the reviewer's override, else the gate's. */
    public String effectiveDecision() {
        if (overrideDecision != null) {
            return overrideDecision;
        }
        return gate == null ? null : gate.decision().name();
    }

    /** A record of the status history. */
    public record Event(long id, String from, String to, LocalDate effectiveDate, String document, String note,
            String actor, java.time.Instant recordedAt) {
    }

    public record Document(long id, String kind, String number, LocalDate issuedOn, String department) {
    }

    public record OverrideRecord(long id, String gateDecision, String decision, String reason, String document,
            String actor, java.time.Instant recordedAt) {
    }
}
