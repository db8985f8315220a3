package org.capgov.projects.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.enforcement.CaseService;
import org.capgov.projects.gate.GateDecision;
import org.capgov.projects.gate.GateRequest;
import org.capgov.projects.gate.ProjectGateService;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects of new capacity: declared by the enterprise or a district officer, put through the gate on declaration (the
 * decision stored with every reason and citation), reviewed by the responsible department along
 * {@link ProjectLifecycle}. Every change is audited; every read is within the caller's scope.
 */
@Service
public class ProjectService {

    static final Set<String> APPROVAL_KINDS = Set.of("FILING", "APPROVAL");
    static final Set<String> DOCUMENT_KINDS = Set.of("LAND", "PLANNING", "ENERGY_REVIEW", "EIA", "INVESTMENT");
    static final List<String> KINDS_ORDERED = List.of("NEW", "RENOVATION", "EXPANSION", "RELOCATION");
    static final Set<String> DECISIONS = Set.of("ALLOWED", "NEEDS_REPLACEMENT", "REFUSED");

    /** A project with its history, documents and overrides. */
    public record Detail(Project project, List<Project.Event> events, List<Project.Document> documents,
            List<Project.OverrideRecord> overrides, List<ProjectStatus> next, List<String> exitCases,
            List<String> openExits) {
    }

    private final ProjectRepository projects;
    private final ProjectGateService gate;
    private final EnterpriseService enterprises;
    private final CaseService cases;
    private final AuditTrail audit;
    private final Clock clock;

    ProjectService(ProjectRepository projects, ProjectGateService gate, EnterpriseService enterprises,
            CaseService cases, AuditTrail audit, Clock clock) {
        this.projects = projects;
        this.gate = gate;
        this.enterprises = enterprises;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Detail submit(ProjectRequests.Submission s) {
        if (s == null) {
            throw DomainException.invalid(List.of(new FieldProblem("uscc", "", "请求体为空")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = ChinaTime.today(clock);
        Enterprise enterprise = null;
        if (blank(s.uscc())) {
            problems.add(new FieldProblem("uscc", "", "缺少企业统一社会信用代码"));
        } else {
            try {
                enterprise = enterprises.get(s.uscc());
            } catch (DomainException e) {
                problems.add(new FieldProblem("uscc", s.uscc(), "未知企业或不在您的数据范围内：" + s.uscc()));
            }
        }
        if (blank(s.name())) {
            problems.add(new FieldProblem("name", "", "缺少项目名称"));
        } else if (s.name().length() > 200) {
            problems.add(new FieldProblem("name", s.name().substring(0, 20) + "…", "项目名称过长（最多 200 字）"));
        }
        String approval = code(s.approvalKind());
        if (approval == null || !APPROVAL_KINDS.contains(approval)) {
            problems.add(new FieldProblem("approvalKind", String.valueOf(s.approvalKind()), "审批方式应为备案或核准"));
        }
        LocalDate declared = s.declaredOn() == null ? today : s.declaredOn();
        if (declared.isAfter(today)) {
            problems.add(new FieldProblem("declaredOn", declared.toString(), "申报日期不得晚于今天"));
        }
        Set<String> refs = new HashSet<>();
        List<GateRequest.Equipment> equipment = s.equipment() == null ? List.of() : s.equipment();
        for (int i = 0; i < equipment.size(); i++) {
            GateRequest.Equipment e = equipment.get(i);
            if (e != null && !blank(e.ref()) && !refs.add(e.ref().trim())) {
                problems.add(new FieldProblem("equipment[" + i + "].ref", e.ref(), "设备编号重复：" + e.ref()));
            }
        }
        List<ProjectRequests.Document> documents = s.documents() == null ? List.of() : s.documents();
        for (int i = 0; i < documents.size(); i++) {
            checkDocument("documents[" + i + "].", documents.get(i), today, problems);
        }
        GateDecision decision = null;
        try {
            decision = gate.evaluate(new GateRequest(declared, enterprise == null ? null : enterprise.region(),
                    s.industry(), s.kind(), equipment, s.capacityAdded(), s.capacityRemoved(), s.mergerCapacity(),
                    s.replacementCase()));
        } catch (DomainException e) {
            if (e.problems().isEmpty()) {
                throw e;
            }
            boolean known = enterprise != null;
            e.problems().stream().filter(p -> !"region".equals(p.field()) || known).forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        GateRequest.Capacity removed = s.capacityRemoved();
        long id = projects.insert(enterprise.id(), enterprise.uscc(), enterprise.region(), enterprise.regionPath(),
                s.name().trim(), decision.kind(), decision.industry(), decision.requiredRetirement() != null
                        ? decision.requiredRetirement().product() : s.capacityAdded().product().trim().toUpperCase(Locale.ROOT),
                unit(s.capacityAdded()), s.capacityAdded().quantity(),
                removed == null ? BigDecimal.ZERO : removed.quantity(), approval, equipment, declared, decision,
                Actors.username());
        projects.event(id, null, ProjectStatus.DECLARED, declared, null, null, Actors.username());
        for (ProjectRequests.Document d : documents) {
            projects.document(id, code(d.kind()), d.number().trim(), d.issuedOn(), d.department().trim(),
                    Actors.username());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", s.name().trim());
        after.put("uscc", enterprise.uscc());
        after.put("kind", decision.kind());
        after.put("capacityAdded", s.capacityAdded().quantity());
        after.put("gate", decision.decision().name());
        after.put("ratio", decision.ratio() == null ? "" : decision.ratio());
        audit.record(AuditEvent.created("project", Long.toString(id), enterprise.regionPath(), after));
        return detail(id);
    }

    @Transactional(readOnly = true)
    public Detail detail(long id) {
        Project p = find(id, false);
        List<String> exits = projects.exitCases(id);
        List<String> open = exits.stream().filter(c -> !cases.exitVerified(c)).toList();
        List<ProjectStatus> next = ProjectLifecycle.next(p.status()).stream().sorted().toList();
        return new Detail(p, projects.events(id), projects.documents(id), projects.overrides(id), next, exits, open);
    }

    @Transactional(readOnly = true)
    public List<Project> search(String status) {
        String s = code(status);
        return projects.search(Actors.scope(), s != null && isStatus(s) ? s : null, 500);
    }

    @Transactional
    public Detail transition(long id, ProjectRequests.Transition t) {
        ProjectStatus to = t == null || blank(t.to()) || !isStatus(code(t.to())) ? null
                : ProjectStatus.valueOf(code(t.to()));
        if (to == null) {
            throw DomainException.invalid(List.of(new FieldProblem("to", t == null ? "" : String.valueOf(t.to()),
                    "未知的项目状态")));
        }
        LocalDate today = ChinaTime.today(clock);
        LocalDate date = t.effectiveDate() == null ? today : t.effectiveDate();
        if (date.isAfter(today)) {
            throw DomainException.invalid(List.of(new FieldProblem("effectiveDate", date.toString(), "日期不得晚于今天")));
        }
        Project p = find(id, true);
        if (date.isBefore(p.statusSince())) {
            throw DomainException.invalid(List.of(new FieldProblem("effectiveDate", date.toString(),
                    "日期不得早于当前状态的日期 " + p.statusSince())));
        }
        List<String> open = to == ProjectStatus.COMMISSIONED
                ? projects.exitCases(id).stream().filter(c -> !cases.exitVerified(c)).toList() : List.of();
        ProjectLifecycle.Verdict v = ProjectLifecycle.check(new ProjectLifecycle.Facts(p.status(), to, sides(),
                p.effectiveDecision(), projects.announcedPlanCovers(id), open, text(t.document())));
        if (!v.allowed()) {
            throw DomainException.conflict("error.project.refused", v.reason());
        }
        projects.status(id, to, date);
        projects.event(id, p.status(), to, date, text(t.document()), text(t.note()), Actors.username());
        audit.record(new AuditEvent(AuditAction.UPDATE, "project", Long.toString(id), p.regionPath(),
                "项目状态：" + ProjectLifecycle.name(p.status()) + " → " + ProjectLifecycle.name(to),
                Map.of("status", p.status().name()), Map.of("status", to.name(), "effectiveDate", date.toString(),
                        "document", t.document() == null ? "" : t.document().trim())));
        return detail(id);
    }

    @Transactional
    public Detail addDocument(long id, ProjectRequests.Document d) {
        List<FieldProblem> problems = new ArrayList<>();
        checkDocument("", d, ChinaTime.today(clock), problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        Project p = find(id, true);
        projects.document(id, code(d.kind()), d.number().trim(), d.issuedOn(), d.department().trim(), Actors.username());
        audit.record(new AuditEvent(AuditAction.UPDATE, "project", Long.toString(id), p.regionPath(),
                "项目文件：" + code(d.kind()) + " " + d.number().trim(), null, Map.of("kind", code(d.kind()),
                        "number", d.number().trim(), "issuedOn", d.issuedOn().toString(), "department",
                        d.department().trim())));
        return detail(id);
    }

    /** A reviewer's decision in place of the gate's; the gate's own decision and reasons stay as they were. */
    @Transactional
    public Detail override(long id, ProjectRequests.Override o) {
        List<FieldProblem> problems = new ArrayList<>();
        String decision = o == null ? null : code(o.decision());
        if (decision == null || !DECISIONS.contains(decision)) {
            problems.add(new FieldProblem("decision", o == null ? "" : String.valueOf(o.decision()),
                    "结论应为允许、须置换或不予通过"));
        }
        if (o == null || blank(o.reason())) {
            problems.add(new FieldProblem("reason", "", "改判须说明理由"));
        }
        if (o == null || blank(o.document())) {
            problems.add(new FieldProblem("document", "", "改判须注明依据文书文号"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        if (!sides().contains(ProjectLifecycle.Side.REVIEWER)) {
            throw DomainException.forbidden("error.project.reviewerOnly");
        }
        Project p = find(id, true);
        String gateDecision = p.gate() == null ? "" : p.gate().decision().name();
        projects.override(id, gateDecision, decision, o.reason().trim(), o.document().trim(), Actors.username());
        audit.record(new AuditEvent(AuditAction.UPDATE, "project", Long.toString(id), p.regionPath(),
                "审查改判准入结论：" + gateDecision + " → " + decision,
                Map.of("decision", p.effectiveDecision() == null ? "" : p.effectiveDecision()),
                Map.of("decision", decision, "reason", o.reason().trim(), "document", o.document().trim())));
        return detail(id);
    }

    /** The project within the caller's scope (locked for a change); 404 otherwise. */
    Project find(long id, boolean lock) {
        return projects.find(id, Actors.scope(), lock)
                .orElseThrow(() -> DomainException.notFound("error.project.notFound", id));
    }

    /** Records the gate's decision as it now stands (e.g. covered by an announced plan). */
    void regate(Project p, GateDecision decision) {
        projects.gate(p.id(), decision);
    }

    static Set<ProjectLifecycle.Side> sides() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        Set<String> roles = new HashSet<>();
        if (auth != null) {
            auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).forEach(roles::add);
        }
        Set<ProjectLifecycle.Side> sides = EnumSet.noneOf(ProjectLifecycle.Side.class);
        if (roles.contains("ROLE_ADMIN") || roles.contains("ROLE_COORDINATOR")
                || roles.contains("ROLE_DEPARTMENT_OFFICER")) {
            sides.add(ProjectLifecycle.Side.REVIEWER);
        }
        if (roles.contains("ROLE_ENTERPRISE") || roles.contains("ROLE_DISTRICT_OFFICER")) {
            sides.add(ProjectLifecycle.Side.REPORTER);
        }
        return sides;
    }

    private static void checkDocument(String prefix, ProjectRequests.Document d, LocalDate today,
            List<FieldProblem> problems) {
        if (d == null) {
            problems.add(new FieldProblem(prefix + "kind", "", "文件为空"));
            return;
        }
        String kind = code(d.kind());
        if (kind == null || !DOCUMENT_KINDS.contains(kind)) {
            problems.add(new FieldProblem(prefix + "kind", String.valueOf(d.kind()),
                    "文件类型应为用地、规划、节能审查、环评或投资审批文件"));
        }
        if (blank(d.number())) {
            problems.add(new FieldProblem(prefix + "number", "", "缺少文号"));
        }
        if (d.issuedOn() == null || d.issuedOn().isAfter(today)) {
            problems.add(new FieldProblem(prefix + "issuedOn", String.valueOf(d.issuedOn()), "缺少发文日期或日期晚于今天"));
        }
        if (blank(d.department())) {
            problems.add(new FieldProblem(prefix + "department", "", "缺少发文部门"));
        }
    }

    private static String unit(GateRequest.Capacity c) {
        return org.capgov.shared.Product.valueOf(c.product().trim().toUpperCase(Locale.ROOT)).unit();
    }

    static boolean isStatus(String s) {
        for (ProjectStatus st : ProjectStatus.values()) {
            if (st.name().equals(s)) {
                return true;
            }
        }
        return false;
    }

    static String code(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
    }

    static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
