package org.capgov.supervision.leads;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The problem register of the 八张问题清单: problems recorded by coordinators or from verified leads, assigned
 * (交办) by the coordinator to a department with a deadline, rectified by that department and closed (销号) by the
 * coordinator, each step audited ({@link ProblemPolicies}).
 */
@Service
public class ProblemService {

    /** A problem as entered: {@code list} a code of the register's lists, {@code region} a region code. */
    public record Draft(String list, String title, String description, String source, String sourceRef,
            String region, String department, LocalDate deadline, String uscc, String caseId) {
    }

    private final ProblemRepository problems;
    private final LeadRepository places;
    private final AuditTrail audit;
    private final Clock clock;

    ProblemService(ProblemRepository problems, LeadRepository places, AuditTrail audit, Clock clock) {
        this.problems = problems;
        this.places = places;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Problem.ProblemList> lists() {
        return problems.lists();
    }

    public List<Map.Entry<String, String>> departments() {
        return problems.departments();
    }

    public LocalDate today() {
        return ChinaTime.today(clock);
    }

    /**
     * Renames, adds or retires a list; the register keeps the problems of a retired list. The names are shared by
     * the whole platform, so only a province-level coordinator (or the administrator) changes them, and only a list
     * whose problems all lie in their scope (reading S6).
     */
    @Transactional
    public Problem.ProblemList saveList(String code, String name, boolean active) {
        if (!Callers.coordinator()) {
            throw DomainException.forbidden("error.supervision.problem.coordinatorOnly");
        }
        String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!c.matches("[A-Z][A-Z0-9_]{1,31}")) {
            throw DomainException.invalid("code", "error.supervision.problemList.code", code);
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 60) {
            throw DomainException.invalid("name", "error.supervision.problemList.name");
        }
        if (!Callers.provinceCoordinator() || problems.outside(c, Actors.scope().regionPredicate("p.region_path")) > 0) {
            throw DomainException.forbidden("error.supervision.problemList.scope");
        }
        Problem.ProblemList before = problems.list(c).orElse(null);
        problems.saveList(c, n, active);
        Problem.ProblemList after = problems.list(c).orElseThrow();
        audit.record(before == null ? AuditEvent.created("supervision_problem_list", c, null, after)
                : AuditEvent.updated("supervision_problem_list", c, null, before, after));
        return after;
    }

    /** A responsible department must sit in the problem's region or in a region above it (the city's bureau). */
    private void checkDepartment(String department, String problemPath) {
        String path = problems.departmentRegionPath(department).orElse(null);
        if (path == null) {
            throw DomainException.invalid("department", "error.supervision.problem.department", department);
        }
        if (!problemPath.startsWith(path) && !path.startsWith(problemPath)) {
            throw DomainException.invalid("department", "error.supervision.problem.departmentOutside", department);
        }
    }

    /**
     * Records a problem: FOUND, or ASSIGNED at once when it already names its department and deadline (a verified
     * lead). Runs in the caller's transaction.
     */
    @Transactional
    public Problem record(Draft d) {
        List<FieldProblem> wrong = new ArrayList<>();
        String list = d.list() == null ? "" : d.list().trim();
        if (problems.list(list).filter(Problem.ProblemList::active).isEmpty()) {
            wrong.add(new FieldProblem("list", list, "请选择问题清单"));
        }
        String title = d.title() == null ? "" : d.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            wrong.add(new FieldProblem("title", "", "请填写问题（不超过200字）"));
        }
        String source = d.source() == null ? "" : d.source().trim().toUpperCase(Locale.ROOT);
        if (!ProblemPolicies.SOURCES.contains(source)) {
            wrong.add(new FieldProblem("source", String.valueOf(d.source()), "请选择问题来源"));
        }
        String description = d.description() == null || d.description().isBlank() ? null : d.description().strip();
        if (description != null && description.length() > 4000) {
            wrong.add(new FieldProblem("description", "", "问题描述不能超过4000字"));
        }
        LeadRepository.Place place = d.region() == null ? null : places.region(d.region().trim()).orElse(null);
        if (place == null) {
            wrong.add(new FieldProblem("region", String.valueOf(d.region()), "请填写有效的地区代码"));
        } else if (!Actors.scope().coversRegion(place.path())) {
            throw DomainException.forbidden("error.supervision.problem.outOfScope", place.name());
        }
        String department = d.department() == null || d.department().isBlank() ? null : d.department().trim();
        if (department != null && problems.departmentRegionPath(department).isEmpty()) {
            wrong.add(new FieldProblem("department", department, "责任部门 " + department + " 不存在或已撤销"));
        }
        if (!wrong.isEmpty()) {
            throw DomainException.invalid(wrong);
        }
        if (department != null) {
            checkDepartment(department, place.path());
        }
        boolean assigned = department != null && d.deadline() != null;
        String state = assigned ? "ASSIGNED" : "FOUND";
        var now = clock.instant();
        long id = problems.insert(list, title, description, source, d.sourceRef(), place.code(), place.path(),
                department, d.deadline(), state, d.uscc(), d.caseId(), Actors.username(), now);
        problems.addEvent(id, "FIND", null, "FOUND", description, Actors.username(), now);
        if (assigned) {
            problems.addEvent(id, "ASSIGN", "FOUND", "ASSIGNED", null, Actors.username(), now);
        }
        Problem p = problems.find(id).orElseThrow();
        audit.record(AuditEvent.created("supervision_problem", Long.toString(id), p.regionPath(), auditState(p)));
        return p;
    }

    public ProblemRepository.Page search(String list, String state, String department, int page, int size) {
        String s = blank(state);
        if (s != null && !ProblemPolicies.STATES.contains(s)) {
            throw DomainException.invalid("state", "error.supervision.problem.state", state);
        }
        return problems.search(Callers.visibility("p.region_path", "p.department_code"), blank(list), s,
                blank(department), page, size);
    }

    public Map<String, Map<String, Long>> tally() {
        return problems.tally(Callers.visibility("p.region_path", "p.department_code"));
    }

    public Problem get(long id) {
        return problems.find(id).filter(p -> problems.canSee(id, Callers.visibility("p.region_path",
                "p.department_code"))).orElseThrow(() -> DomainException.notFound("error.supervision.problem.notFound", id));
    }

    public List<Problem.Event> events(long id) {
        return problems.events(id);
    }

    /** 交办, 整改 or 销号; a stale {@code version} (someone else acted since the page was read) is a conflict. */
    @Transactional
    public Problem act(long id, String action, String department, LocalDate deadline, String note, Integer version) {
        Problem p = get(id);
        if (version != null && version != p.version()) {
            throw DomainException.conflict("error.supervision.problem.changed");
        }
        String a = action == null ? "" : action.trim().toUpperCase(Locale.ROOT);
        String to = ProblemPolicies.next(p.state(), a).orElseThrow(() ->
                DomainException.conflict("error.supervision.problem.transition", a, p.state()));
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > 2000) {
            throw DomainException.invalid("note", "error.supervision.problem.noteTooLong");
        }
        String dept = p.departmentCode();
        LocalDate due = p.deadline();
        if (a.equals("RECTIFY")) {
            if (!Callers.coordinator() && !places.departmentsOf(Actors.username()).contains(p.departmentCode())) {
                throw DomainException.forbidden("error.supervision.problem.notResponsible");
            }
        } else if (!Callers.coordinator()) {
            throw DomainException.forbidden("error.supervision.problem.coordinatorOnly");
        }
        if (a.equals("ASSIGN")) {
            dept = department == null ? "" : department.trim();
            checkDepartment(dept, p.regionPath());
            if (deadline == null) {
                throw DomainException.invalid("deadline", "error.supervision.problem.deadline");
            }
            due = deadline;
        }
        if (a.equals("CLOSE") && n == null) {
            throw DomainException.invalid("note", "error.supervision.problem.closingNote");
        }
        var now = clock.instant();
        if (!problems.update(p, to, dept, due, a.equals("CLOSE") ? n : p.closingNote(), now)) {
            throw DomainException.conflict("error.supervision.problem.changed");
        }
        problems.addEvent(id, a, p.state(), to, n, Actors.username(), now);
        Problem after = problems.find(id).orElseThrow();
        audit.record(AuditEvent.updated("supervision_problem", Long.toString(id), p.regionPath(), auditState(p),
                auditState(after)));
        return after;
    }

    private static Map<String, Object> auditState(Problem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("list", p.listCode());
        m.put("title", p.title());
        m.put("source", p.source());
        m.put("sourceRef", p.sourceRef());
        m.put("region", p.regionCode());
        m.put("department", p.departmentCode());
        m.put("deadline", p.deadline() == null ? null : p.deadline().toString());
        m.put("state", p.state());
        m.put("uscc", p.uscc());
        m.put("caseId", p.caseId());
        m.put("closingNote", p.closingNote());
        return m;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
