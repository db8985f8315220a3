package org.capgov.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 约谈 records: date, attendees, summary, and the commitments made, each created as a published task of the region
 * with its lead department and deadline, so that the clock follows them like any other task. All or nothing.
 */
@Service
public class Interviews {

    /** A commitment made at the meeting: what, which department leads, by when. */
    public record Commitment(String text, String department, String deadline) {
    }

    /** A recorded 约谈 with the tasks its commitments became. */
    public record Interview(long id, String region, String regionName, LocalDate heldOn, String attendees,
            String summary, String createdBy, List<Long> taskIds) {
    }

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final TaskRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    Interviews(JdbcClient jdbc, TaskService tasks, TaskRepository repository, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Interview record(String region, String heldOn, String attendees, String summary,
            List<Commitment> commitments) {
        List<DomainException.FieldProblem> problems = new ArrayList<>();
        String path = region == null ? null : repository.regionPath(region.trim()).orElse(null);
        if (path == null) {
            problems.add(new DomainException.FieldProblem("region", region, "没有这个地区代码"));
        } else if (!Actors.scope().coversRegion(path)) {
            problems.add(new DomainException.FieldProblem("region", region, "不在您的管辖范围内"));
        }
        LocalDate day = null;
        try {
            day = LocalDate.parse(heldOn == null ? "" : heldOn.trim());
            if (day.isAfter(org.capgov.shared.ChinaTime.today(clock))) {
                problems.add(new DomainException.FieldProblem("heldOn", heldOn, "约谈日期不能晚于今天"));
            }
        } catch (DateTimeParseException e) {
            problems.add(new DomainException.FieldProblem("heldOn", heldOn, "应为日期，如 2026-12-01"));
        }
        if (attendees == null || attendees.isBlank() || attendees.length() > 2000) {
            problems.add(new DomainException.FieldProblem("attendees", "", "请填写参加人员（最多 2000 字）"));
        }
        if (summary != null && summary.length() > 4000) {
            problems.add(new DomainException.FieldProblem("summary", "", "过长（最多 4000 字）"));
        }
        List<Commitment> given = commitments == null ? List.of() : commitments.stream()
                .filter(c -> c.text() != null && !c.text().isBlank()).toList();
        if (given.isEmpty()) {
            problems.add(new DomainException.FieldProblem("commitments", "", "请至少填写一项整改承诺"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        long id = jdbc.sql("""
                insert into supervision_interview (region_code, region_path, held_on, attendees, summary, created_by,
                    created_at) values (:r, :p, :d, :a, :s, :by, :at) returning id""")
                .param("r", region.trim()).param("p", path).param("d", day).param("a", attendees.trim())
                .param("s", summary == null ? "" : summary.trim()).param("by", Actors.username())
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        String regionName = jdbc.sql("select name from region where code = :c").param("c", region.trim())
                .query(String.class).single();
        String document = "约谈纪要（" + regionName + "，" + day + "）";
        List<Long> taskIds = new ArrayList<>();
        int n = 1;
        for (Commitment c : given) {
            String title = c.text().trim().length() > 40 ? c.text().trim().substring(0, 40) + "…" : c.text().trim();
            Task t;
            try {
                t = tasks.createDraft(new TaskInput(document, "承诺第" + n + "项", title, c.text().trim(),
                        c.department() == null ? List.of() : List.of(c.department()), List.of(), region.trim(),
                        c.deadline(), null, "整改情况报告"));
            } catch (DomainException e) {
                // name the commitment the problem belongs to; the transaction rolls back the meeting too
                String which = "承诺第" + n + "项：";
                throw DomainException.invalid(e.problems().stream().map(p -> new DomainException.FieldProblem(
                        p.field(), p.value(), which + p.reason())).toList());
            }
            tasks.publish(t.id());
            jdbc.sql("update supervision_task set interview_id = :i where id = :t").param("i", id).param("t", t.id())
                    .update();
            taskIds.add(t.id());
            n++;
        }
        audit.record(AuditEvent.created("supervision_interview", Long.toString(id), path,
                Map.of("heldOn", day.toString(), "attendees", attendees.trim(), "tasks", taskIds)));
        return new Interview(id, region.trim(), regionName, day, attendees.trim(), summary == null ? "" : summary.trim(),
                Actors.username(), taskIds);
    }

    public List<Interview> list() {
        var scope = Actors.scope().regionPredicate("i.region_path");
        Map<String, Object> params = new HashMap<>(scope.params());
        return jdbc.sql("""
                select i.id, i.region_code, r.name, i.held_on, i.attendees, i.summary, i.created_by,
                       (select coalesce(array_agg(t.id order by t.id), '{}') from supervision_task t
                         where t.interview_id = i.id) as tasks
                from supervision_interview i join region r on r.code = i.region_code
                where (""" + scope.sql() + ") order by i.held_on desc, i.id desc limit 100").params(params)
                .query((rs, k) -> {
                    List<Long> ids = new ArrayList<>();
                    for (Object o : (Object[]) rs.getArray("tasks").getArray()) {
                        ids.add(((Number) o).longValue());
                    }
                    return new Interview(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7), ids);
                }).list();
    }
}
