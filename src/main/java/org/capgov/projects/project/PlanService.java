package org.capgov.projects.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.enforcement.CaseService;
import org.capgov.projects.gate.GateDecision;
import org.capgov.projects.gate.ProjectGate;
import org.capgov.projects.gate.ProjectGateService;
import org.capgov.projects.ledger.LedgerQueries;
import org.capgov.projects.ledger.LedgerRequests;
import org.capgov.projects.ledger.LedgerService;
import org.capgov.registry.Equipment;
import org.capgov.registry.EquipmentService;
import org.capgov.registry.EquipmentStatus;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replacement plans (readings N7–N10): a plan names the project and the capacity retired for it — registry equipment,
 * each item counted once, and indicator units of a ledger account — with the ratio the gate found and why. Under
 * public notice (公示, a number of working days over the public-holiday calendar) the units are reserved and
 * objections recorded and answered ({@link PlanObjections}); on 公告, once every objection is answered, the units are
 * retired and each retired item becomes an exit case with the plan's deadline; a refused plan releases both. Every problem refuses the whole request and nothing is stored.
 */
@Service
public class PlanService {

    /** Equipment already out of production: its capacity went before the plan was confirmed (reading N10). */
    private static final Set<EquipmentStatus> GONE = Set.of(EquipmentStatus.POWER_UNIT_REMOVED, EquipmentStatus.SEALED,
            EquipmentStatus.DISMANTLED, EquipmentStatus.TRANSFERRED);

    /** A plan with its retired equipment and objections. */
    public record Detail(ReplacementPlan plan, List<ReplacementPlan.Retired> retired,
            List<ReplacementPlan.Objection> objections) {
    }

    private final PlanRepository plans;
    private final ProjectService projects;
    private final EquipmentService equipment;
    private final ExcludedCapacity excluded;
    private final LedgerService ledger;
    private final LedgerQueries accounts;
    private final CaseService cases;
    private final AuditTrail audit;
    private final Clock clock;
    private final int noticeDays;
    private final WorkingDays workingDays;
    private final ProjectGateService gates;

    PlanService(PlanRepository plans, ProjectService projects, EquipmentService equipment, ExcludedCapacity excluded,
            LedgerService ledger, LedgerQueries accounts, CaseService cases, AuditTrail audit, Clock clock,
            @Value("${capgov.projects.notice-working-days:10}") int noticeDays, ProjectGateService gates) {
        this.gates = gates;
        this.plans = plans;
        this.projects = projects;
        this.equipment = equipment;
        this.excluded = excluded;
        this.ledger = ledger;
        this.accounts = accounts;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
        this.noticeDays = noticeDays;
        try (var in = new ClassPathResource("projects/public-holidays.csv").getInputStream()) {
            this.workingDays = WorkingDays.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WorkingDays workingDays() {
        return workingDays;
    }

    @Transactional
    public Detail create(ProjectRequests.Plan r) {
        if (r == null || r.project() == null) {
            throw DomainException.invalid(List.of(new FieldProblem("project", "", "缺少项目 project")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<ProjectRequests.Retired> retired = r.retired() == null ? List.of() : r.retired();
        Long units = null;
        if (r.ledgerAccount() != null || r.ledgerUnits() != null) {
            BigDecimal q = r.ledgerUnits();
            if (r.ledgerAccount() == null) {
                problems.add(new FieldProblem("ledgerAccount", "", "使用指标须注明指标账户"));
            } else if (!visible(r.ledgerAccount())) {
                // the units are reserved and retired later by the confirming authority, whose scope is wider:
                // the declarer may only name an account it can see
                problems.add(new FieldProblem("ledgerAccount", r.ledgerAccount().toString(),
                        "指标账户 " + r.ledgerAccount() + " 不存在，或不在您的数据范围内"));
            }
            if (q == null || q.signum() <= 0 || q.stripTrailingZeros().scale() > 0) {
                problems.add(new FieldProblem("ledgerUnits", String.valueOf(q), "指标数量应为正整数"));
            } else {
                units = q.longValueExact();
            }
        }
        if (retired.isEmpty() && units == null && r.ledgerAccount() == null) {
            problems.add(new FieldProblem("retired", "", "方案须列明退出的设备或使用的置换指标"));
        }
        if (ProjectService.blank(r.confirmingAuthority())) {
            problems.add(new FieldProblem("confirmingAuthority", "", "缺少方案确认机关（省级行业主管部门）"));
        }
        int days = r.noticeDays() == null ? noticeDays : r.noticeDays();
        if (days < 1 || days > 60) {
            problems.add(new FieldProblem("noticeDays", String.valueOf(r.noticeDays()), "公示期应为 1–60 个工作日"));
        }
        Project project = projects.find(r.project(), true);
        List<Equipment> items = new ArrayList<>();
        for (int i = 0; i < retired.size(); i++) {
            ProjectRequests.Retired x = retired.get(i);
            String f = "retired[" + i + "].";
            if (x == null || ProjectService.blank(x.uscc()) || ProjectService.blank(x.equipmentRef())) {
                problems.add(new FieldProblem(f + "equipmentRef", "", "退出设备须注明企业 uscc 与设备编号 equipmentRef"));
                items.add(null);
                continue;
            }
            try {
                Equipment e = equipment.get(x.uscc().trim(), x.equipmentRef().trim());
                items.add(e);
                if (!e.product().name().equals(project.product())) {
                    problems.add(new FieldProblem(f + "equipmentRef", x.equipmentRef(), "设备 " + e.code()
                            + " 的产品与项目新增产能的产品不同"));
                }
            } catch (DomainException e) {
                problems.add(new FieldProblem(f + "equipmentRef", x.equipmentRef(), "登记库中没有企业 " + x.uscc().trim()
                        + " 的设备 " + x.equipmentRef().trim()));
                items.add(null);
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        GateDecision gate = project.gate();
        if (ProjectLifecycle.ended(project.status()) || project.status().ordinal() > ProjectStatus.PUBLIC_NOTICE.ordinal()) {
            throw refused("项目已" + ProjectLifecycle.name(project.status()) + "，不能再提交置换方案");
        }
        if (!"NEEDS_REPLACEMENT".equals(project.effectiveDecision()) || gate.requiredRetirement() == null) {
            throw refused("项目准入结论不是“须置换”，无须置换方案");
        }
        Set<Long> seen = new HashSet<>();
        BigDecimal covered = units == null ? BigDecimal.ZERO : BigDecimal.valueOf(units);
        LocalDate today = ChinaTime.today(clock);
        for (int i = 0; i < items.size(); i++) {
            Equipment e = items.get(i);
            ProjectRequests.Retired x = retired.get(i);
            if (!seen.add(e.id())) {
                throw refused("设备 " + e.code() + " 在方案中重复列出，退出产能只能计算一次");
            }
            String other = plans.planCounting(e.id()).orElse(null);
            if (other != null) {
                throw refused("设备 " + e.code() + " 的产能已计入置换方案 " + other + "，不能重复计算");
            }
            if (plans.issuedAsUnits(e.id())) {
                throw refused("设备 " + e.code() + " 的产能已签发为置换指标，只能以指标形式使用，不能重复计算");
            }
            if (!e.enterpriseUscc().equals(project.uscc()) && ProjectService.blank(x.agreement())) {
                throw refused("设备 " + e.code() + " 属于企业 " + e.enterpriseUscc() + "，须注明已登记的产能转让协议");
            }
            if (GONE.contains(e.status())) {
                throw refused("设备 " + e.code() + " 在方案确认前已" + statusName(e.status()) + "（" + e.statusSince()
                        + "），不得作为置换产能");
            }
            String why = excluded.eliminatedPastDeadline(e, project.industry(), today);
            if (why != null) {
                throw refused(why);
            }
            String subsidised = excluded.subsidised(e);
            if (subsidised != null) {
                throw refused(subsidised);
            }
            covered = covered.add(e.annualCapacity());
        }
        BigDecimal required = gate.requiredRetirement().quantity();
        if (covered.compareTo(required) < 0) {
            throw refused("退出产能合计 " + plain(covered) + " " + project.unit() + "，少于所需 " + plain(required) + " "
                    + project.unit() + "（净新增产能 × " + plain(gate.ratio()) + "）");
        }
        String why = gate.reasons().stream().filter(x -> x.effect() == GateDecision.Effect.REQUIRES_REPLACEMENT)
                .map(x -> x.text() + (x.citation() == null ? "" : "（" + x.citation().document() + "）"))
                .reduce((a, b) -> a + "；" + b).orElse("");
        long id = plans.insert(project.id(), project.product(), project.unit(), gate.ratio(), why, required, covered,
                r.confirmingAuthority().trim(), r.ledgerAccount(), units, days, Actors.username());
        for (int i = 0; i < items.size(); i++) {
            Equipment e = items.get(i);
            plans.retired(id, e.id(), e.code(), e.enterpriseUscc(), enterpriseName(e), e.product().name(),
                    e.annualCapacity(), ProjectService.text(retired.get(i).agreement()));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("project", project.id());
        after.put("ratio", gate.ratio());
        after.put("required", required);
        after.put("covered", covered);
        after.put("equipment", items.stream().map(e -> e.enterpriseUscc() + "/" + e.code()).toList());
        after.put("ledgerAccount", r.ledgerAccount() == null ? "" : r.ledgerAccount());
        after.put("ledgerUnits", units == null ? "" : units);
        audit.record(AuditEvent.created("replacement_plan", Long.toString(id), project.regionPath(), after));
        return detail(id);
    }

    @Transactional(readOnly = true)
    public Detail detail(long id) {
        ReplacementPlan p = find(id, false);
        return new Detail(p, plans.retired(id), plans.objections(id));
    }

    @Transactional(readOnly = true)
    public List<ReplacementPlan> search(Long project) {
        return plans.search(Actors.scope(), project, 500);
    }

    /** Announced plans with their retired equipment and the objections with their answers, for the public page. */
    @Transactional(readOnly = true)
    public List<Detail> announced(int limit) {
        return plans.announced(limit).stream().map(p -> new Detail(p, plans.retired(p.id()), plans.objections(p.id())))
                .toList();
    }

    /** 公示 from {@code startOn} for the plan's number of working days; reserves the plan's indicator units. */
    @Transactional
    public Detail notice(long id, ProjectRequests.Notice n) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = ChinaTime.today(clock);
        LocalDate start = n == null || n.startOn() == null ? today : n.startOn();
        if (start.isAfter(today)) {
            problems.add(new FieldProblem("startOn", start.toString(), "公示开始日期不得晚于今天"));
        }
        if (n == null || ProjectService.blank(n.document())) {
            problems.add(new FieldProblem("document", "", "缺少公示文号或公告编号"));
        }
        if (!workingDays.covers(start)) {
            problems.add(new FieldProblem("startOn", start.toString(), "节假日日历只含 " + workingDays.firstYear() + "–"
                    + workingDays.lastYear() + " 年"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        ReplacementPlan p = find(id, true);
        if (!"DRAFT".equals(p.status())) {
            throw refused("方案 " + p.code() + " 已公示或已办结");
        }
        String suspended = suspension(p, start);
        if (suspended != null) {
            throw refused(suspended);
        }
        LocalDate end;
        try {
            end = workingDays.periodEnd(start, p.noticeDays());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(List.of(new FieldProblem("startOn", start.toString(), e.getMessage())));
        }
        if (p.ledgerAccount() != null) {
            LedgerService.Outcome o = ledger.reserve(new LedgerRequests.Reservation(p.ledgerAccount(), p.product(),
                    BigDecimal.valueOf(p.ledgerUnits()), p.code()));
            if (!o.completed()) {
                throw refused("预留指标被拒绝：" + o.reason());
            }
        }
        plans.notice(id, start, end, n.document().trim());
        audit.record(new AuditEvent(AuditAction.UPDATE, "replacement_plan", Long.toString(id), p.regionPath(),
                "置换方案 " + p.code() + " 公示", Map.of("status", p.status()), Map.of("status", "NOTICE", "start",
                        start.toString(), "end", end.toString(), "document", n.document().trim())));
        return detail(id);
    }

    /** 公告 after the notice period: units retired, each retired item an exit case with the plan's deadline. */
    @Transactional
    public Detail announce(long id, ProjectRequests.Announcement a) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = ChinaTime.today(clock);
        LocalDate on = a == null || a.announcedOn() == null ? today : a.announcedOn();
        if (on.isAfter(today)) {
            problems.add(new FieldProblem("announcedOn", on.toString(), "公告日期不得晚于今天"));
        }
        if (a == null || ProjectService.blank(a.document())) {
            problems.add(new FieldProblem("document", "", "缺少公告文号"));
        }
        if (a == null || a.exitDeadline() == null || a.exitDeadline().isBefore(on)) {
            problems.add(new FieldProblem("exitDeadline", a == null ? "" : String.valueOf(a.exitDeadline()),
                    "缺少退出期限或期限早于公告日期"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        ReplacementPlan p = find(id, true);
        if (!"NOTICE".equals(p.status())) {
            throw refused("方案 " + p.code() + " 未在公示中，不能公告");
        }
        if (!on.isAfter(p.noticeEnd())) {
            throw refused("公示期至 " + p.noticeEnd() + "（" + p.noticeDays() + " 个工作日）尚未届满，不能公告");
        }
        int open = plans.unanswered(id);
        if (open > 0) {
            throw refused("公示期异议尚有 " + open + " 条未答复，逐一答复后方可公告");
        }
        String document = a.document().trim();
        if (p.ledgerAccount() != null) {
            ledger.settle(p.ledgerAccount(), p.code(), true, document);
        }
        plans.announced(id, on, document, a.exitDeadline());
        List<String> opened = new ArrayList<>();
        for (ReplacementPlan.Retired x : plans.retired(id)) {
            String caseId = cases.openExitObligation(x.uscc(), x.equipmentCode(), on, a.exitDeadline(), document,
                    "产能置换方案 " + p.code() + " 公告退出").summary().id();
            plans.exitCase(x.id(), caseId);
            opened.add(caseId);
        }
        Project project = projects.find(p.projectId(), true);
        projects.regate(project, ProjectGate.coveredBy(project.gate(), p.code(), document, p.covered()));
        audit.record(new AuditEvent(AuditAction.UPDATE, "replacement_plan", Long.toString(id), p.regionPath(),
                "置换方案 " + p.code() + " 公告", Map.of("status", p.status()), Map.of("status", "ANNOUNCED",
                        "announcedOn", on.toString(), "document", document, "exitDeadline",
                        a.exitDeadline().toString(), "exitCases", opened)));
        return detail(id);
    }

    @Transactional
    public Detail refuse(long id, ProjectRequests.Refusal r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r == null || ProjectService.blank(r.reason())) {
            problems.add(new FieldProblem("reason", "", "缺少不予确认的理由"));
        }
        if (r == null || ProjectService.blank(r.document())) {
            problems.add(new FieldProblem("document", "", "缺少文书文号"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        ReplacementPlan p = find(id, true);
        if (!"DRAFT".equals(p.status()) && !"NOTICE".equals(p.status())) {
            throw refused("方案 " + p.code() + " 已办结");
        }
        if ("NOTICE".equals(p.status()) && p.ledgerAccount() != null) {
            ledger.settle(p.ledgerAccount(), p.code(), false, r.document().trim());
        }
        plans.refused(id, r.reason().trim() + "（" + r.document().trim() + "）");
        audit.record(new AuditEvent(AuditAction.UPDATE, "replacement_plan", Long.toString(id), p.regionPath(),
                "置换方案 " + p.code() + " 不予确认", Map.of("status", p.status()), Map.of("status", "REFUSED",
                        "reason", r.reason().trim(), "document", r.document().trim())));
        return detail(id);
    }

    /** Why the plan's 公示 may not start on {@code day} (today when null; a suspension, reading P8); null when it may. */
    public String suspension(ReplacementPlan p, LocalDate day) {
        day = day == null ? ChinaTime.today(clock) : day;
        return gates.publicationSuspended(day, p.regionCode(), projects.find(p.projectId(), false).industry()).orElse(null);
    }

    private boolean visible(long account) {
        try {
            accounts.account(account, 1);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    private ReplacementPlan find(long id, boolean lock) {
        return plans.find(id, Actors.scope(), lock)
                .orElseThrow(() -> DomainException.notFound("error.plan.notFound", id));
    }

    private String enterpriseName(Equipment e) {
        return excluded.enterpriseName(e.enterpriseUscc());
    }

    private static DomainException refused(String reason) {
        return DomainException.conflict("error.project.refused", reason);
    }

    private static String statusName(EquipmentStatus s) {
        return switch (s) {
            case POWER_UNIT_REMOVED -> "拆除动力装置"; case SEALED -> "封存"; case DISMANTLED -> "拆除";
            case TRANSFERRED -> "转让"; default -> s.name();
        };
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
