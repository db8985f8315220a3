package org.capgov.projects.project;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A replacement plan (产能置换方案): the project it serves, the ratio applied and why, the capacity required and
 * covered (retired registry equipment plus reserved indicator units), the confirming authority, and its public
 * notice: DRAFT → NOTICE (公示, objections recorded) → ANNOUNCED (公告), or REFUSED.
 */
public record ReplacementPlan(long id, String code, long projectId, String projectName, String uscc,
        String enterpriseName, String regionCode, String regionPath, String product, String unit, BigDecimal ratio,
        String ratioReason, BigDecimal required, BigDecimal covered, String confirmingAuthority, Long ledgerAccount,
        Long ledgerUnits, String status, int noticeDays, LocalDate noticeStart, LocalDate noticeEnd,
        String noticeDocument, LocalDate announcedOn, String announcement, LocalDate exitDeadline, String refusal) {

    /** One retired equipment item, with its exit case once the plan is announced. */
    public record Retired(long id, long equipmentId, String equipmentCode, String uscc, String enterpriseName,
            String product, BigDecimal capacity, String agreement, String exitCaseId, boolean released) {
    }

    /**
     * An objection received during the notice: {@code objectorKind} ENTERPRISE (with its USCC), PERSON (with the
     * platform account that hears the answer) or PUBLIC (unidentified); the officer's answer once given.
     */
    public record Objection(long id, LocalDate receivedOn, String objector, String text, String actor,
            String objectorKind, String objectorUscc, String objectorAccount, String answer, LocalDate answeredOn,
            String answerDocument, String answeredBy, boolean notified) {

        public boolean answered() {
            return answer != null;
        }
    }
}
