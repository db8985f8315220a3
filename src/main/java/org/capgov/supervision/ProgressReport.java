package org.capgov.supervision;

import java.time.Instant;
import java.util.List;

/** The lead department's report on a task for a year, with what cooperating departments added and its attachments. */
public record ProgressReport(long id, long taskId, int period, String department, String text, String figures,
        String documentNumbers, String status, String returnReason, String submittedBy, Instant submittedAt,
        String decidedBy, Instant decidedAt, int round, List<Contribution> contributions,
        List<Attachment> attachments) {

    public record Contribution(long id, String department, String departmentName, String text, String createdBy,
            Instant createdAt) {
    }

    public record Attachment(long id, String fileName, String contentType, int size, String sha256) {
    }
}
