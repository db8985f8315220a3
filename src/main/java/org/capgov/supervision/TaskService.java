package org.capgov.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The task tables: loaded from the data files once per task, read in the caller's scope, added by a coordinator. */
@Service
public class TaskService {

    private static final Logger log = LoggerFactory.getLogger(TaskService.class);

    private final TaskRepository tasks;
    private final AuditTrail audit;
    private final Clock clock;

    TaskService(TaskRepository tasks, AuditTrail audit, Clock clock) {
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates, published, every task of the data files that the database does not hold yet; returns how many. */
    @Transactional
    public int loadFiles() {
        DepartmentNames names = new DepartmentNames(tasks.departments());
        int created = 0;
        for (TaskSource s : TaskFiles.read()) {
            if (tasks.existsByKey(s.key())) {
                continue;
            }
            DepartmentNames.Mapped lead = names.map(s.lead(), s.departmentPrefix(), s.aliases());
            DepartmentNames.Mapped coop = names.map(s.cooperating(), s.departmentPrefix(), s.aliases());
            List<String> unmapped = new ArrayList<>(lead.unmapped());
            unmapped.addAll(coop.unmapped());
            String path = tasks.regionPath(s.region())
                    .orElseThrow(() -> new IllegalStateException("task " + s.key() + ": no region " + s.region()));
            long id = tasks.insert(s.key(), s.documentNumber(), s.documentTitle(), s.section(), s.row(), s.title(),
                    s.text(), s.quote(), s.lead(), s.cooperating(), lead.codes(), coop.codes(), unmapped, s.region(),
                    path, s.deadline(), s.deadline().firstPeriod(s.firstYear()), s.deadlineText(), s.output(),
                    "PUBLISHED", Actors.SYSTEM, clock.instant());
            audit.record(AuditEvent.created("supervision_task", Long.toString(id), path,
                    Map.of("source", s.key(), "document", s.documentNumber(), "section", s.section())));
            created++;
        }
        if (created > 0) {
            log.info("Loaded {} supervision tasks from the task tables", created);
        }
        return created;
    }

    public List<Task> list(String document, String department, String region, boolean drafts) {
        return tasks.find(Actors.scope().regionPredicate("t.region_path"), document, department, region, drafts, today());
    }

    public Task get(long id) {
        return tasks.findById(id, Actors.scope().regionPredicate("t.region_path"), today())
                .orElseThrow(() -> DomainException.notFound("error.supervision.task.notFound", id));
    }

    /** A coordinator's own task, as a draft until published. */
    @Transactional
    public Task createDraft(TaskInput in) {
        List<DomainException.FieldProblem> problems = new ArrayList<>();
        require(problems, "document", in.document(), 200);
        require(problems, "section", in.section(), 100);
        require(problems, "title", in.title(), 200);
        require(problems, "text", in.text(), 4000);
        List<String> lead = in.lead() == null ? List.of() : in.lead().stream().map(String::trim)
                .filter(s -> !s.isEmpty()).distinct().toList();
        List<String> coop = in.cooperating() == null ? List.of() : in.cooperating().stream().map(String::trim)
                .filter(s -> !s.isEmpty()).distinct().toList();
        Map<String, String> known = new LinkedHashMap<>();
        tasks.departments().forEach(d -> known.put(d.code(), d.shortName()));
        if (lead.isEmpty()) {
            problems.add(new DomainException.FieldProblem("lead", "", "请至少选择一个牵头部门"));
        }
        for (String c : lead) {
            if (!known.containsKey(c)) {
                problems.add(new DomainException.FieldProblem("lead", c, "没有这个部门"));
            }
        }
        for (String c : coop) {
            if (!known.containsKey(c)) {
                problems.add(new DomainException.FieldProblem("cooperating", c, "没有这个部门"));
            }
        }
        String path = in.region() == null ? null : tasks.regionPath(in.region().trim()).orElse(null);
        if (path == null) {
            problems.add(new DomainException.FieldProblem("region", in.region(), "没有这个地区代码"));
        } else if (!Actors.scope().coversRegion(path)) {
            problems.add(new DomainException.FieldProblem("region", in.region(), "不在您的管辖范围内"));
        }
        Deadline deadline = null;
        LocalDate due = null;
        if (in.recurrence() != null && !in.recurrence().isBlank()) {
            if (!in.recurrence().trim().matches("(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")) {
                problems.add(new DomainException.FieldProblem("recurrence", in.recurrence(), "应为“月-日”，如 12-31"));
            } else {
                deadline = new Deadline(Deadline.YEARLY, null, in.recurrence().trim());
            }
        } else {
            try {
                due = LocalDate.parse(in.deadline() == null ? "" : in.deadline().trim());
                deadline = new Deadline(Deadline.DATE, due, null);
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(new DomainException.FieldProblem("deadline", in.deadline(), "应为日期，如 2026-12-31"));
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        List<String> leadNames = lead.stream().map(known::get).toList();
        List<String> coopNames = coop.stream().map(known::get).toList();
        int first = deadline.firstPeriod(today().getYear());
        String deadlineText = deadline.recurring() ? "每年" + deadline.monthDay() + "前" : due.toString();
        long id = tasks.insert(null, in.document().trim(), in.document().trim(), in.section().trim(), null,
                in.title().trim(), in.text().trim(), in.text().trim(), leadNames, coopNames, lead, coop, List.of(),
                in.region().trim(), path, deadline, first, deadlineText,
                in.output() == null || in.output().isBlank() ? null : in.output().trim(), "DRAFT", Actors.username(),
                clock.instant());
        Task created = tasks.findById(id, Actors.scope().regionPredicate("t.region_path"), today()).orElseThrow();
        audit.record(AuditEvent.created("supervision_task", Long.toString(id), path, created));
        return created;
    }

    @Transactional
    public Task publish(long id) {
        Task t = get(id);
        if (!"DRAFT".equals(t.status())) {
            throw DomainException.conflict("error.supervision.task.notDraft", id);
        }
        tasks.publish(id, clock.instant());
        audit.record(AuditEvent.updated("supervision_task", Long.toString(id), t.regionPath(),
                Map.of("status", "DRAFT"), Map.of("status", "PUBLISHED")));
        return get(id);
    }

    LocalDate today() {
        return ChinaTime.today(clock);
    }

    private static void require(List<DomainException.FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new DomainException.FieldProblem(field, "", "必填"));
        } else if (value.length() > max) {
            problems.add(new DomainException.FieldProblem(field, value.substring(0, 20) + "…", "过长（最多 " + max + " 字）"));
        }
    }
}
