package org.capgov.supervision;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.identity.Role;
import org.capgov.notification.Notice;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress on a task: the lead department reports per year, cooperating departments add to it, the coordinator
 * accepts it or returns it with a reason (and the lead reports again). Every step is audited and told by notice.
 */
@Service
public class ProgressService {

    static final int MAX_TEXT = 8000;
    static final int MAX_ATTACHMENT = 10 * 1024 * 1024;

    private final TaskService tasks;
    private final ProgressRepository reports;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProgressService(TaskService tasks, ProgressRepository reports, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock) {
        this.tasks = tasks;
        this.reports = reports;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public List<ProgressReport> reportsOf(long taskId) {
        tasks.get(taskId);
        return reports.ofTask(taskId);
    }

    /** The caller's department among the task's lead departments, if any. */
    public String leadDepartmentOfCaller(Task t) {
        return reports.departmentsOf(Actors.username()).stream().filter(t.lead()::contains).findFirst().orElse(null);
    }

    public String cooperatingDepartmentOfCaller(Task t) {
        return reports.departmentsOf(Actors.username()).stream().filter(t.cooperating()::contains).findFirst()
                .orElse(null);
    }

    @Transactional
    public ProgressReport submit(long taskId, Integer period, String text, String figures, String documentNumbers) {
        Task t = published(taskId);
        String department = leadDepartmentOfCaller(t);
        if (department == null) {
            throw DomainException.forbidden("error.supervision.report.notLead");
        }
        int p = period(t, period);
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("text", "error.supervision.report.text");
        }
        if (text.length() > MAX_TEXT || (figures != null && figures.length() > MAX_TEXT)
                || (documentNumbers != null && documentNumbers.length() > 1000)) {
            throw DomainException.invalid("text", "error.supervision.report.tooLong", MAX_TEXT);
        }
        reports.find(taskId, p).ifPresent(r -> {
            if ("ACCEPTED".equals(r.status())) {
                throw DomainException.conflict("error.supervision.report.accepted", p);
            }
        });
        long id = reports.submit(taskId, p, department, text.trim(), figures == null ? "" : figures.trim(),
                documentNumbers == null ? "" : documentNumbers.trim(), Actors.username(), clock.instant());
        ProgressReport saved = reports.find(taskId, p).orElseThrow();
        audit.record(AuditEvent.created("supervision_report", Long.toString(id), t.regionPath(),
                Map.of("task", taskId, "period", p, "round", saved.round(), "text", saved.text())));
        events.publishEvent(Notice.of("SUPERVISION_REPORT", "进展报告待审核：" + t.title(),
                t.regionName() + " " + p + " 年度进展已报送（第 " + saved.round() + " 次）。")
                .linkingTo("/supervision/tasks/" + taskId).inRegion(t.regionPath()).toRoles(Role.COORDINATOR)
                .once("SUPERVISION_REPORT:" + id + ":" + saved.round()));
        return saved;
    }

    @Transactional
    public ProgressReport contribute(long taskId, Integer period, String text) {
        Task t = published(taskId);
        String department = cooperatingDepartmentOfCaller(t);
        if (department == null) {
            throw DomainException.forbidden("error.supervision.report.notCooperating");
        }
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw DomainException.invalid("text", "error.supervision.report.text");
        }
        int p = period(t, period);
        reports.contribute(taskId, p, department, text.trim(), Actors.username(), clock.instant());
        audit.record(AuditEvent.created("supervision_contribution", taskId + ":" + p, t.regionPath(),
                Map.of("department", department, "text", text.trim())));
        if (!t.lead().isEmpty()) {
            events.publishEvent(Notice.of("SUPERVISION_CONTRIBUTION", "配合部门已提供材料：" + t.title(), text.trim())
                    .linkingTo("/supervision/tasks/" + taskId).toDepartments(t.lead().toArray(String[]::new)));
        }
        return reports.find(taskId, p).orElse(null);
    }

    @Transactional
    public ProgressReport decide(long taskId, int period, boolean accept, String reason) {
        Task t = tasks.get(taskId);
        ProgressReport r = reports.find(taskId, period)
                .orElseThrow(() -> DomainException.notFound("error.supervision.report.notFound", period));
        if (!"SUBMITTED".equals(r.status())) {
            throw DomainException.conflict("error.supervision.report.notSubmitted");
        }
        if (!accept && (reason == null || reason.isBlank())) {
            throw DomainException.invalid("reason", "error.supervision.report.reason");
        }
        if (reason != null && reason.length() > 2000) {
            throw DomainException.invalid("reason", "error.supervision.report.tooLong", 2000);
        }
        String status = accept ? "ACCEPTED" : "RETURNED";
        reports.decide(r.id(), status, accept ? null : reason.trim(), Actors.username(), clock.instant());
        audit.record(AuditEvent.updated("supervision_report", Long.toString(r.id()), t.regionPath(),
                Map.of("status", r.status()), accept ? Map.of("status", status)
                        : Map.of("status", status, "reason", reason.trim())));
        String title = (accept ? "进展报告已通过：" : "进展报告被退回：") + t.title();
        events.publishEvent(Notice.of(accept ? "SUPERVISION_ACCEPTED" : "SUPERVISION_RETURNED", title,
                accept ? period + " 年度进展报告已通过审核。" : "退回理由：" + reason.trim())
                .linkingTo("/supervision/tasks/" + taskId).toDepartments(r.department())
                .once("SUPERVISION_DECISION:" + r.id() + ":" + r.round()));
        return reports.find(taskId, period).orElseThrow();
    }

    @Transactional
    public ProgressReport.Attachment attach(long taskId, int period, String fileName, String contentType,
            byte[] content) {
        Task t = published(taskId);
        if (leadDepartmentOfCaller(t) == null) {
            throw DomainException.forbidden("error.supervision.report.notLead");
        }
        ProgressReport r = reports.find(taskId, period)
                .orElseThrow(() -> DomainException.notFound("error.supervision.report.notFound", period));
        if (content == null || content.length == 0) {
            throw DomainException.invalid("file", "error.supervision.attachment.empty");
        }
        if (content.length > MAX_ATTACHMENT) {
            throw DomainException.invalid("file", "error.supervision.attachment.tooLarge", MAX_ATTACHMENT / 1024 / 1024);
        }
        String name = fileName == null || fileName.isBlank() ? "附件" : fileName.replaceAll("[\\\\/\\r\\n]", "_");
        String sha = sha256(content);
        long id = reports.attach(r.id(), name, contentType == null ? "application/octet-stream" : contentType, content,
                sha, Actors.username(), clock.instant());
        audit.record(AuditEvent.created("supervision_attachment", Long.toString(id), t.regionPath(),
                Map.of("report", r.id(), "file", name, "sha256", sha, "size", content.length)));
        return reports.attachments(r.id()).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    public byte[] attachment(long taskId, int period, long attachmentId) {
        tasks.get(taskId);
        ProgressReport r = reports.find(taskId, period)
                .orElseThrow(() -> DomainException.notFound("error.supervision.report.notFound", period));
        return reports.attachmentContent(r.id(), attachmentId)
                .orElseThrow(() -> DomainException.notFound("error.supervision.attachment.notFound", attachmentId));
    }

    private Task published(long taskId) {
        Task t = tasks.get(taskId);
        if (!"PUBLISHED".equals(t.status())) {
            throw DomainException.conflict("error.supervision.task.draft");
        }
        return t;
    }

    private static int period(Task t, Integer period) {
        int p = period == null ? t.period() : period;
        if (p < t.firstPeriod() || p > t.period() + 1 || (!t.deadline().recurring() && p != t.firstPeriod())) {
            throw DomainException.invalid("period", "error.supervision.report.period", p);
        }
        return p;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
