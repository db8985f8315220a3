package org.capgov.disclosure;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.identity.CapgovUser;
import org.capgov.identity.Membership;
import org.capgov.identity.Role;
import org.capgov.notification.Notice;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.capgov.shared.SqlPredicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/**
 * Receives reports from the public and routes each to the department that owns the record: the district government
 * or management committee of the enterprise's region, else the city's coordinating office. Officers of that
 * department (and coordinators over the region) work it through RECEIVED → ASSIGNED → IN_PROGRESS → RESOLVED or
 * REJECTED, or forward it; every step is audited and the owning department is notified.
 */
@Service
public class PublicReportService {

    /** The city coordinator office (V4 seed): owner of records whose region has no district government or committee. */
    static final String FALLBACK_OWNER = "CQ-LDXZB";
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Roles that see every report in their region subtree; other officers see their own departments' reports. */
    private static final Set<Role> SEE_ALL = Set.of(Role.ADMIN, Role.COORDINATOR, Role.OBSERVER);

    /** {@code caseId}: optional, one of the enterprise's listed cases; the report then goes to that case's department. */
    public record Submission(String category, String text, String contact, String honeypot, String caseId) {
    }

    public record Action(String action, String reply, String note, String department, Integer version) {
    }

    private final PublicReportRepository reports;
    private final PublicEnterpriseDirectory directory;
    private final PublicReportRateLimit rateLimit;
    private final PublicEnterpriseEnforcement enforcement;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PublicReportService(Clock clock, PublicReportRepository reports, PublicEnterpriseDirectory directory, PublicReportRateLimit rateLimit,
            PublicEnterpriseEnforcement enforcement, AuditTrail audit, ApplicationEventPublisher events) {
        this.clock = clock;
        this.enforcement = enforcement;
        this.reports = reports;
        this.directory = directory;
        this.rateLimit = rateLimit;
        this.audit = audit;
        this.events = events;
    }

    /** Stores a report from {@code source} (the caller's address, for the rate limit only) and notifies its owner. */
    @Transactional
    public PublicReport submit(String uscc, Submission s, String source) {
        PublicEnterprise e = directory.get(uscc);
        if (s.honeypot() != null && !s.honeypot().isEmpty()) {
            // a field people do not see: only a script fills it in
            throw DomainException.invalid("website", "error.report.rejected");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String category = s.category() == null ? "" : s.category().trim().toUpperCase(Locale.ROOT);
        if (!PublicReport.CATEGORIES.contains(category)) {
            problems.add(new FieldProblem("category", String.valueOf(s.category()), "请选择报告类别"));
        }
        String text = s.text() == null ? "" : s.text().strip();
        if (text.isEmpty()) {
            problems.add(new FieldProblem("text", "", "请填写报告内容"));
        } else if (text.codePointCount(0, text.length()) > PublicReport.MAX_TEXT) {
            problems.add(new FieldProblem("text", "", "报告内容不能超过 " + PublicReport.MAX_TEXT + " 字"));
        }
        String contact = s.contact() == null || s.contact().isBlank() ? null : s.contact().strip();
        if (contact != null && contact.length() > PublicReport.MAX_CONTACT) {
            problems.add(new FieldProblem("contact", "", "联系方式不能超过 " + PublicReport.MAX_CONTACT + " 字"));
        }
        String caseId = s.caseId() == null || s.caseId().isBlank() ? null : s.caseId().trim();
        String caseOwner = null;
        if (caseId != null) {
            caseOwner = enforcement.departmentOf(e.uscc(), caseId, ChinaTime.today(clock)).orElse(null);
            if (caseOwner == null) {
                problems.add(new FieldProblem("caseId", caseId, "案件 " + caseId + " 不是该企业公开名单上的案件"));
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        if (!rateLimit.tryAcquire(source)) {
            throw new DomainException(429, "error.report.rateLimited", null, rateLimit.perHour());
        }
        // a case belongs to its department; registry data to the district government or committee of the region
        String owner = caseOwner != null ? caseOwner : reports.regionOwner(e.regionPath()).orElse(FALLBACK_OWNER);
        String trackingNo = trackingNo();
        long id = reports.insert(trackingNo, e, caseId, category, text, contact, owner);
        reports.addEvent(id, "RECEIVE", null, "RECEIVED", owner, null, Actors.username());
        PublicReport r = reports.byTrackingNo(trackingNo).orElseThrow();
        audit.record(new AuditEvent(AuditAction.CREATE, "public_report", trackingNo, e.regionPath(), "公众报告：" + e.name(),
                null, auditState(r)));
        notify(r, owner);
        return r;
    }

    /** The public view of a report: state and reply only. */
    public PublicReport.Status status(String trackingNo) {
        return reports.byTrackingNo(normalise(trackingNo)).map(PublicReport::status)
                .orElseThrow(() -> DomainException.notFound("error.report.notFound", trackingNo));
    }

    /** Reports the caller may see, newest first. */
    public List<PublicReport> visible(String state) {
        String s = state == null || state.isBlank() ? null : state.trim().toUpperCase(Locale.ROOT);
        if (s != null && !PublicReport.STATES.contains(s)) {
            throw DomainException.invalid("state", "error.report.state", state);
        }
        return reports.visible(visibility(), s, 500);
    }

    /** One report, if the caller may see it (404 otherwise: its existence is not confirmed either). */
    public PublicReport get(String trackingNo) {
        String t = normalise(trackingNo);
        return reports.byTrackingNo(t).filter(r -> reports.canSee(r.id(), visibility()))
                .orElseThrow(() -> DomainException.notFound("error.report.notFound", t));
    }

    public List<PublicReport.Event> events(PublicReport r) {
        return reports.events(r.id());
    }

    public List<Map.Entry<String, String>> departments() {
        return reports.departments();
    }

    @Transactional
    public PublicReport act(String trackingNo, Action a) {
        PublicReport r = get(trackingNo);
        if (a.version() != null && a.version() != r.version()) {
            throw DomainException.conflict("error.report.changed");
        }
        String action = a.action() == null ? "" : a.action().trim().toUpperCase(Locale.ROOT);
        String reply = a.reply() == null || a.reply().isBlank() ? null : a.reply().strip();
        String note = a.note() == null || a.note().isBlank() ? null : a.note().strip();
        if (reply != null && reply.length() > PublicReport.MAX_TEXT) {
            throw DomainException.invalid("reply", "error.report.replyTooLong", PublicReport.MAX_TEXT);
        }
        if (note != null && note.length() > PublicReport.MAX_TEXT) {
            throw DomainException.invalid("note", "error.report.noteTooLong", PublicReport.MAX_TEXT);
        }
        String state = r.state();
        String to;
        String department = r.departmentCode();
        String assignee = r.assignee();
        switch (action) {
            case "ASSIGN" -> {
                require(state, Set.of("RECEIVED"), action);
                to = "ASSIGNED";
                assignee = Actors.username();
            }
            case "START" -> {
                require(state, Set.of("ASSIGNED"), action);
                to = "IN_PROGRESS";
            }
            case "RESOLVE", "REJECT" -> {
                require(state, action.equals("RESOLVE") ? Set.of("ASSIGNED", "IN_PROGRESS")
                        : Set.of("RECEIVED", "ASSIGNED", "IN_PROGRESS"), action);
                if (reply == null) {
                    throw DomainException.invalid("reply", "error.report.replyRequired");
                }
                to = action.equals("RESOLVE") ? "RESOLVED" : "REJECTED";
            }
            case "FORWARD" -> {
                require(state, Set.of("RECEIVED", "ASSIGNED", "IN_PROGRESS"), action);
                department = a.department() == null ? "" : a.department().trim();
                if (reports.activeDepartmentRegionPath(department).isEmpty()) {
                    throw DomainException.invalid("department", "error.report.department", department);
                }
                if (department.equals(r.departmentCode())) {
                    throw DomainException.invalid("department", "error.report.sameDepartment");
                }
                to = "RECEIVED";
                assignee = null;
            }
            default -> throw DomainException.invalid("action", "error.report.action", a.action());
        }
        boolean closing = to.equals("RESOLVED") || to.equals("REJECTED");
        if (!reports.update(r, to, department, assignee, closing ? reply : r.reply(), closing)) {
            throw DomainException.conflict("error.report.changed");
        }
        reports.addEvent(r.id(), action, state, to, department, closing ? reply : note, Actors.username());
        PublicReport after = reports.byTrackingNo(r.trackingNo()).orElseThrow();
        audit.record(new AuditEvent(AuditAction.UPDATE, "public_report", r.trackingNo(), r.regionPath(),
                "公众报告 " + action, auditState(r), auditState(after)));
        if (action.equals("FORWARD")) {
            notify(after, department);
        }
        return after;
    }

    private static void require(String state, Set<String> from, String action) {
        if (!from.contains(state)) {
            throw DomainException.conflict("error.report.transition", action, state);
        }
    }

    private void notify(PublicReport r, String department) {
        events.publishEvent(new Notice("PUBLIC_REPORT", "收到公众报告 " + r.trackingNo() + "：" + r.enterpriseName(),
                "类别：" + categoryZh(r.category()) + "。请在 /reports 受理并答复。", "/reports/" + r.trackingNo(),
                r.regionPath(), List.of(department), List.of(), "public-report:" + r.trackingNo() + ":" + department));
    }

    private static String categoryZh(String category) {
        return switch (category) {
            case "WRONG_DATA" -> "数据有误";
            case "WRONG_STATUS" -> "状态有误";
            default -> "其他";
        };
    }

    /** The audited state of a report: without the reporter's contact, which only the handling officers may read. */
    private static Map<String, Object> auditState(PublicReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trackingNo", r.trackingNo());
        m.put("uscc", r.uscc());
        m.put("category", r.category());
        m.put("department", r.departmentCode());
        m.put("state", r.state());
        m.put("assignee", r.assignee());
        m.put("reply", r.reply());
        return m;
    }

    /** Region subtree of the caller, and for officers only the reports held by one of their departments. */
    private SqlPredicate visibility() {
        SqlPredicate region = Actors.scope().regionPredicate("p.region_path");
        if (Actors.scope().unrestricted()) {
            return region;
        }
        List<Long> departments = new ArrayList<>();
        boolean all = false;
        if (Actors.principal().orElse(null) instanceof CapgovUser user) {
            for (Membership m : user.memberships()) {
                all |= SEE_ALL.contains(m.role());
                departments.add(m.departmentId());
            }
        }
        if (all) {
            return region;
        }
        Map<String, Object> params = new HashMap<>(region.params());
        params.put("report_departments", departments.toArray(Long[]::new));
        return new SqlPredicate(region.sql() + " and p.department_code in (select code from department"
                + " where id = any(cast(:report_departments as bigint[])))", params);
    }

    static String trackingNo() {
        StringBuilder b = new StringBuilder("JB-");
        for (int i = 0; i < 12; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private static String normalise(String trackingNo) {
        return trackingNo == null ? "" : trackingNo.trim().toUpperCase(Locale.ROOT);
    }
}
