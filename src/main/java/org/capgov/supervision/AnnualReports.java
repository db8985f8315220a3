package org.capgov.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual report up the chain: a district's report on the year's exits to the city (seed 001 四、（五）, after
 * 经区政府同意) and the city's written report to the ministries (seed 004 四、（三）, after 经市政府同意). Drafted from the
 * tasks and the platform's named queries, edited, approved, submitted; every step audited.
 */
@Service
public class AnnualReports {

    /** A report with its state. */
    public record AnnualReport(long id, String region, String regionName, String level, int year, String text,
            String generated, String status, String approval, LocalDate approvedOn, String submittedTo,
            LocalDate submittedOn, String returnReason, String decidedBy, LocalDate decidedOn) {

        /** Text and approval may change while it is a draft or after the level above returned it. */
        public boolean open() {
            return "DRAFT".equals(status) || "RETURNED".equals(status);
        }
    }

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final TaskRepository repository;
    private final PlatformFigures figures;
    private final AuditTrail audit;
    private final Clock clock;

    AnnualReports(JdbcClient jdbc, TaskService tasks, TaskRepository repository, PlatformFigures figures,
            AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.repository = repository;
        this.figures = figures;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public AnnualReport draft(String region, Integer year) {
        String path = region == null ? null : repository.regionPath(region.trim()).orElse(null);
        if (path == null || !Actors.scope().coversRegion(path)) {
            throw DomainException.invalid("region", "error.supervision.annual.region", region);
        }
        int thisYear = ChinaTime.today(clock).getYear();
        if (year == null || year < 2000 || year > thisYear) {
            throw DomainException.invalid("year", "error.supervision.annual.year", year, thisYear);
        }
        if (find(region.trim(), year) != null) {
            throw DomainException.conflict("error.supervision.annual.exists", year);
        }
        String level = path.chars().filter(c -> c == '/').count() <= 2 ? "CITY" : "DISTRICT";
        String regionName = jdbc.sql("select name from region where code = :c").param("c", region.trim())
                .query(String.class).single();
        String text = generate(regionName, path, level, year);
        Instant now = Instant.now(clock);
        long id = jdbc.sql("""
                insert into supervision_annual_report (region_code, region_path, level, year, text, generated, status,
                    created_by, created_at, updated_by, updated_at)
                values (:r, :p, :l, :y, :t, :t, 'DRAFT', :by, :at, :by, :at) returning id""")
                .param("r", region.trim()).param("p", path).param("l", level).param("y", year).param("t", text)
                .param("by", Actors.username()).param("at", Timestamp.from(now)).query(Long.class).single();
        audit.record(AuditEvent.created("supervision_annual_report", Long.toString(id), path,
                Map.of("region", region.trim(), "year", year, "level", level)));
        return get(id);
    }

    @Transactional
    public AnnualReport edit(long id, String text) {
        AnnualReport r = get(id);
        if (!r.open()) {
            throw DomainException.conflict("error.supervision.annual.notDraft");
        }
        if (text == null || text.isBlank() || text.length() > 50_000) {
            throw DomainException.invalid("text", "error.supervision.annual.text");
        }
        update(id, "text = :v", text.strip());
        audit.record(AuditEvent.updated("supervision_annual_report", Long.toString(id), path(r),
                Map.of("text", r.text()), Map.of("text", text.strip())));
        return get(id);
    }

    @Transactional
    public AnnualReport approve(long id, String approval, String approvedOn) {
        AnnualReport r = get(id);
        if (!r.open()) {
            throw DomainException.conflict("error.supervision.annual.notDraft");
        }
        String expected = "CITY".equals(r.level()) ? "经市政府同意" : "经区政府同意";
        if (approval == null || !approval.contains("同意") || approval.length() > 500) {
            throw DomainException.invalid("approval", "error.supervision.annual.approval", expected);
        }
        LocalDate day = date("approvedOn", approvedOn);
        jdbc.sql("""
                update supervision_annual_report set status = 'APPROVED', approval = :a, approved_on = :d,
                    updated_by = :by, updated_at = :at where id = :id""")
                .param("a", approval.strip()).param("d", day).param("by", Actors.username())
                .param("at", Timestamp.from(Instant.now(clock))).param("id", id).update();
        audit.record(AuditEvent.updated("supervision_annual_report", Long.toString(id), path(r),
                Map.of("status", r.status()), Map.of("status", "APPROVED", "approval", approval.strip(), "on", day)));
        return get(id);
    }

    @Transactional
    public AnnualReport submit(long id, String submittedTo, String submittedOn) {
        AnnualReport r = get(id);
        if (!"APPROVED".equals(r.status())) {
            throw DomainException.conflict("error.supervision.annual.notApproved");
        }
        if (submittedTo == null || submittedTo.isBlank() || submittedTo.length() > 500) {
            throw DomainException.invalid("submittedTo", "error.supervision.annual.submittedTo");
        }
        LocalDate day = date("submittedOn", submittedOn);
        if (day.isBefore(r.approvedOn())) {
            throw DomainException.invalid("submittedOn", "error.supervision.annual.beforeApproval");
        }
        jdbc.sql("""
                update supervision_annual_report set status = 'SUBMITTED', submitted_to = :t, submitted_on = :d,
                    updated_by = :by, updated_at = :at where id = :id""")
                .param("t", submittedTo.strip()).param("d", day).param("by", Actors.username())
                .param("at", Timestamp.from(Instant.now(clock))).param("id", id).update();
        audit.record(AuditEvent.updated("supervision_annual_report", Long.toString(id), path(r),
                Map.of("status", r.status()), Map.of("status", "SUBMITTED", "to", submittedTo.strip(), "on", day)));
        return get(id);
    }

    /** Whether the caller acts for the level above the report (reading S11): who may accept or return it. */
    public boolean decides(AnnualReport r) {
        return Actors.scope().coversRegion(ReportingChainPolicies.decidedOver(path(r), r.level()));
    }

    /** The level above accepts a submitted report, or returns it with a reason. */
    @Transactional
    public AnnualReport decide(long id, boolean accept, String reason) {
        AnnualReport r = get(id);
        if (!decides(r)) {
            throw DomainException.forbidden("error.supervision.annual.nextLevel", r.regionName());
        }
        if (!"SUBMITTED".equals(r.status())) {
            throw DomainException.conflict("error.supervision.annual.notSubmitted");
        }
        if (!accept && (reason == null || reason.isBlank() || reason.length() > 2000)) {
            throw DomainException.invalid("reason", "error.supervision.report.reason");
        }
        String status = accept ? "ACCEPTED" : "RETURNED";
        jdbc.sql("""
                update supervision_annual_report set status = :s, return_reason = :reason, decided_by = :by,
                    decided_on = :on, updated_by = :by, updated_at = :at where id = :id""")
                .param("s", status).param("reason", accept ? r.returnReason() : reason.strip())
                .param("by", Actors.username()).param("on", ChinaTime.today(clock))
                .param("at", Timestamp.from(Instant.now(clock))).param("id", id).update();
        audit.record(AuditEvent.updated("supervision_annual_report", Long.toString(id), path(r),
                Map.of("status", r.status()), accept ? Map.of("status", status)
                        : Map.of("status", status, "reason", reason.strip())));
        return get(id);
    }

    public List<AnnualReport> list() {
        var scope = Actors.scope().regionPredicate("a.region_path");
        return jdbc.sql(SELECT + " where (" + scope.sql() + ") order by a.year desc, a.region_path")
                .params(new HashMap<>(scope.params())).query((rs, i) -> map(rs)).list();
    }

    public AnnualReport get(long id) {
        var scope = Actors.scope().regionPredicate("a.region_path");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("id", id);
        return jdbc.sql(SELECT + " where a.id = :id and (" + scope.sql() + ")").params(params)
                .query((rs, i) -> map(rs)).optional()
                .orElseThrow(() -> DomainException.notFound("error.supervision.annual.notFound", id));
    }

    /** The figures of the report with their query names (the appendix of the .docx). */
    public List<PlatformFigures.Figure> figuresOf(AnnualReport r) {
        return figures.of(path(r), r.year());
    }

    byte[] docx(long id) {
        AnnualReport r = get(id);
        return AnnualReportDocument.docx(r, figuresOf(r));
    }

    private AnnualReport find(String region, int year) {
        return jdbc.sql(SELECT + " where a.region_code = :r and a.year = :y").param("r", region).param("y", year)
                .query((rs, i) -> map(rs)).optional().orElse(null);
    }

    /** The generated text: tasks and their standing, the platform's figures (each naming its query), problems. */
    private String generate(String regionName, String path, String level, int year) {
        List<String> lines = new ArrayList<>();
        lines.add("一、重点任务完成情况");
        int done = 0;
        List<Task> open = new ArrayList<>();
        List<Task> mine = tasks.list(null, null, null, false).stream().filter(t -> t.regionPath().startsWith(path))
                .toList();
        for (Task t : mine) {
            if ("DONE".equals(t.standing())) {
                done++;
            } else if ("OVERDUE".equals(t.standing())) {
                open.add(t);
            }
        }
        lines.add(regionName + "承担重点任务 " + mine.size() + " 项，已完成 " + done + " 项，逾期未完成 " + open.size()
                + " 项。");
        lines.add("二、落后产能退出和执法情况");
        for (PlatformFigures.Figure f : figures.of(path, year)) {
            lines.add(year + "年" + f.label() + "：" + f.value() + "（查询：" + f.query() + "）。");
        }
        lines.add("三、存在的问题");
        if (open.isEmpty()) {
            lines.add("无逾期任务。");
        } else {
            int n = 1;
            for (Task t : open.subList(0, Math.min(open.size(), 20))) {
                lines.add(n++ + "．" + t.title() + "（" + t.document() + " " + t.section() + "，应于" + t.due() + "前完成）");
            }
        }
        lines.add("四、下一步工作");
        lines.add("（请填写）");
        return String.join("\n", lines);
    }

    private void update(long id, String set, String value) {
        jdbc.sql("update supervision_annual_report set " + set + ", updated_by = :by, updated_at = :at where id = :id")
                .param("v", value).param("by", Actors.username()).param("at", Timestamp.from(Instant.now(clock)))
                .param("id", id).update();
    }

    private String path(AnnualReport r) {
        return repository.regionPath(r.region()).orElseThrow();
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw DomainException.invalid(field, "error.supervision.annual.date", value);
        }
    }

    private static final String SELECT = """
            select a.*, r.name as region_name from supervision_annual_report a join region r on r.code = a.region_code""";

    private static AnnualReport map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AnnualReport(rs.getLong("id"), rs.getString("region_code"), rs.getString("region_name"),
                rs.getString("level"), rs.getInt("year"), rs.getString("text"), rs.getString("generated"),
                rs.getString("status"), rs.getString("approval"), rs.getObject("approved_on", LocalDate.class),
                rs.getString("submitted_to"), rs.getObject("submitted_on", LocalDate.class),
                rs.getString("return_reason"), rs.getString("decided_by"), rs.getObject("decided_on", LocalDate.class));
    }
}
