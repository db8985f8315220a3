package org.capgov.projects.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.capgov.projects.gate.GateRequest;

/** Bodies of the project and replacement plan API. */
public final class ProjectRequests {

    private ProjectRequests() {
    }

    /**
     * A project declared by its enterprise or a district officer: {@code kind} NEW / RENOVATION / EXPANSION /
     * RELOCATION, {@code approvalKind} FILING (备案) or APPROVAL (核准), the equipment with the registry's typed
     * parameters, {@code declaredOn} the day of the declaration (the gate's date; today when left out).
     */
    public record Submission(String uscc, String name, String kind, String industry, String approvalKind,
            List<GateRequest.Equipment> equipment, GateRequest.Capacity capacityAdded,
            GateRequest.Capacity capacityRemoved, Boolean mergerCapacity, String replacementCase,
            LocalDate declaredOn, List<Document> documents) {
    }

    /** LAND, PLANNING, ENERGY_REVIEW (节能审查), EIA (环评) or INVESTMENT (备案 / 核准文件). */
    public record Document(String kind, String number, LocalDate issuedOn, String department) {
    }

    /** A step of the project's status machine ({@link ProjectLifecycle}). */
    public record Transition(String to, LocalDate effectiveDate, String document, String note) {
    }

    /** A reviewer's decision in place of the gate's, with the reason and the document it rests on. */
    public record Override(String decision, String reason, String document) {
    }

    /**
     * A replacement plan for a project: registry equipment to retire (each {@code uscc} + {@code equipmentRef}, an
     * {@code agreement} when it belongs to another enterprise), and optionally indicator units of a ledger account.
     */
    public record Plan(Long project, List<Retired> retired, Long ledgerAccount, BigDecimal ledgerUnits,
            String confirmingAuthority, Integer noticeDays) {
    }

    public record Retired(String uscc, String equipmentRef, String agreement) {
    }

    /** The public notice (公示) of a plan from {@code startOn}, under the notice's document. */
    public record Notice(LocalDate startOn, String document) {
    }

    /**
     * An objection received during the notice. {@code objectorUscc} names an objecting enterprise of the registry,
     * {@code objectorAccount} the platform account of an objecting person; both left out, the objector is the public
     * and the answer is only published.
     */
    public record Objection(LocalDate receivedOn, String objector, String text, String objectorUscc,
            String objectorAccount) {

        public Objection(LocalDate receivedOn, String objector, String text) {
            this(receivedOn, objector, text, null, null);
        }
    }

    /** The officer's answer to one objection, with the document of the reply when there is one. */
    public record Answer(String answer, String document) {
    }

    /** 公告 of a plan: its document, the day, and the deadline of the exits it orders. */
    public record Announcement(LocalDate announcedOn, String document, LocalDate exitDeadline) {
    }

    public record Refusal(String reason, String document) {
    }

    static BigDecimal orZero(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }
}
