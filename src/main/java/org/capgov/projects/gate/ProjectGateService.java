package org.capgov.projects.gate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.capgov.catalog.CatalogService;
import org.capgov.catalog.Catalog;
import org.capgov.catalog.ReplacementRule;
import org.capgov.compliance.EvaluationRequest;
import org.capgov.compliance.EvaluationService;
import org.capgov.compliance.ProjectRuleFindings;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.capgov.shared.Product;
import org.capgov.shared.Vocabulary;
import java.util.Optional;
import org.capgov.catalog.SourceDocument;
import org.springframework.stereotype.Service;

/**
 * Checks a project description and puts it through the {@link ProjectGate}. Every problem of the request is reported
 * at once with the field it concerns; nothing is stored.
 */
@Service
public class ProjectGateService {

    /** Project kinds: 新建, 改建、改造, 扩建, 搬迁. */
    public static final Set<String> KINDS = Set.of("NEW", "RENOVATION", "EXPANSION", "RELOCATION");

    private final CatalogService catalog;
    private final EvaluationService evaluation;
    private final Clock clock;
    private final ReplacementPlans plans;
    private final Vocabulary labels;

    ProjectGateService(CatalogService catalog, EvaluationService evaluation, Clock clock, ReplacementPlans plans,
            Vocabulary labels) {
        this.catalog = catalog;
        this.evaluation = evaluation;
        this.clock = clock;
        this.plans = plans;
        this.labels = labels;
    }

    /**
     * Why a replacement plan of the industry in the region may not start its public notice on {@code day}: a
     * suspension of replacement in force that day (reading P8), in Chinese citing the document; empty when none.
     */
    public Optional<String> publicationSuspended(LocalDate day, String region, String industry) {
        List<FieldProblem> problems = new ArrayList<>();
        ProjectRuleFindings facts = evaluation.evaluateProject(new EvaluationRequest(day, region, industry, List.of(),
                List.of()), problems);
        if (facts == null) {
            return Optional.empty();
        }
        Catalog catalogue = catalog.current();
        return ProjectGate.suspension(catalogue, facts.documents(), industry, day).map(rule -> {
            SourceDocument d = catalogue.documents().get(rule.documentId());
            String source = d == null ? rule.documentId() : "《" + d.title() + "》（" + d.number() + "）";
            return "依据" + source + "，" + labels.in(Vocabulary.ZH, "industry.", industry) + "行业产能置换工作自 "
                    + rule.effectiveFrom() + " 起暂停" + (rule.effectiveTo() == null ? "" : "至 " + rule.effectiveTo())
                    + "，" + day + " 不得公示产能置换方案，公示即视为违规新增产能";
        });
    }

    public GateDecision evaluate(GateRequest request) {
        if (request == null) {
            throw DomainException.invalid(List.of(new FieldProblem("region", "", "请求体为空")));
        }
        Catalog catalogue = catalog.current();
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate asOf = request.asOf() == null ? LocalDate.now(clock) : request.asOf();
        String kind = code(request.kind());
        if (kind == null) {
            problems.add(new FieldProblem("kind", "", "缺少项目类型 kind（NEW / RENOVATION / EXPANSION / RELOCATION）"));
        } else if (!KINDS.contains(kind)) {
            problems.add(new FieldProblem("kind", request.kind(), "未知项目类型 " + request.kind()));
        }
        List<EvaluationRequest.EquipmentInput> equipment = request.equipment() == null ? List.of()
                : request.equipment().stream().map(e -> e == null ? null
                        : new EvaluationRequest.EquipmentInput(e.ref(), e.type(), e.parameters())).toList();
        ProjectRuleFindings facts = evaluation.evaluateProject(new EvaluationRequest(asOf, request.region(),
                request.industry(), equipment, List.of()), problems);
        Product product = capacity("capacityAdded", request.capacityAdded(), true, problems);
        Product removedProduct = capacity("capacityRemoved", request.capacityRemoved(), false, problems);
        if (product != null && removedProduct != null && product != removedProduct) {
            problems.add(new FieldProblem("capacityRemoved.product", request.capacityRemoved().product(),
                    "淘汰产能的产品应与新增产能相同（" + product.name() + "）"));
        }
        String replacementCase = replacementCase(request, catalogue, problems);
        ReplacementPlans.PlanFacts plan = plan(request.replacementPlan(), product, problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        BigDecimal removed = request.capacityRemoved() == null ? BigDecimal.ZERO : request.capacityRemoved().quantity();
        return ProjectGate.withPlan(ProjectGate.decide(catalogue, facts, new ProjectGate.Project(code(request.industry()),
                kind, product.name(), product.unit(), request.capacityAdded().quantity(), removed, replacementCase)),
                plan);
    }

    /** A named plan must exist for the caller and retire the product the project adds. */
    private ReplacementPlans.PlanFacts plan(String code, Product product, List<FieldProblem> problems) {
        if (code == null || code.isBlank()) {
            return null;
        }
        ReplacementPlans.PlanFacts plan = plans.byCode(code.trim().toUpperCase(Locale.ROOT)).orElse(null);
        if (plan == null) {
            problems.add(new FieldProblem("replacementPlan", code, "没有编号为 " + code.trim()
                    + " 的置换方案，或不在您的数据范围内（已公告的方案对所有人可见）"));
        } else if (product != null && !product.name().equals(plan.product())) {
            problems.add(new FieldProblem("replacementPlan", code, "置换方案 " + plan.code() + " 退出的产品与新增产能的产品 "
                    + product.name() + " 不同"));
        }
        return plan;
    }

    /** A named equal case must be one the catalogue knows; a merger without one is the MERGER case. */
    private static String replacementCase(GateRequest request, Catalog catalogue, List<FieldProblem> problems) {
        String named = code(request.replacementCase());
        if (named != null) {
            Set<String> known = new TreeSet<>();
            catalogue.replacement().forEach(r -> {
                if (r.replacementCase() != null) {
                    known.add(r.replacementCase());
                }
            });
            if (!known.contains(named)) {
                problems.add(new FieldProblem("replacementCase", request.replacementCase(), "未知置换情形 "
                        + request.replacementCase() + "（可选：" + String.join("、", known) + "）"));
            }
            return named;
        }
        return Boolean.TRUE.equals(request.mergerCapacity()) ? ReplacementRule.MERGER : ReplacementRule.NORMAL;
    }

    private static Product capacity(String field, GateRequest.Capacity c, boolean required, List<FieldProblem> problems) {
        if (c == null) {
            if (required) {
                problems.add(new FieldProblem(field, "", "缺少" + ("capacityAdded".equals(field) ? "新增" : "淘汰") + "产能"));
            }
            return null;
        }
        Product product = null;
        try {
            product = c.product() == null ? null : Product.valueOf(c.product().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field + ".product", c.product(), "未知产品代码 " + c.product()));
        }
        if (c.product() == null) {
            problems.add(new FieldProblem(field + ".product", "", "缺少产品代码 product"));
        }
        if (c.quantity() == null || c.quantity().signum() < 0) {
            problems.add(new FieldProblem(field + ".quantity", String.valueOf(c.quantity()), "产能应为不小于 0 的数"));
        }
        if (product != null && c.unit() != null && !product.unit().equals(c.unit().trim())) {
            problems.add(new FieldProblem(field + ".unit", c.unit(), "产品 " + product.name() + " 的产能单位为 "
                    + product.unit()));
        }
        return product;
    }

    private static String code(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
    }
}
