package org.capgov.projects.project;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.capgov.compliance.EvaluationRequest;
import org.capgov.compliance.EvaluationService;
import org.capgov.compliance.Finding;
import org.capgov.compliance.ProjectRuleFindings;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.Equipment;
import org.capgov.shared.DomainException.FieldProblem;
import org.capgov.supervision.subsidy.ClosureSubsidies;
import org.springframework.stereotype.Component;

/**
 * Capacity the national lists exclude from replacement (工信部原〔2021〕46号, reading N10): an item the catalogue lists
 * as eliminated (淘汰类) whose deadline has passed was due to go anyway and replaces nothing. The item is put through
 * the same engine as a project's equipment, as of today.
 */
@Component
class ExcludedCapacity {

    private final EvaluationService evaluation;
    private final EnterpriseService enterprises;
    private final ClosureSubsidies subsidies;

    ExcludedCapacity(EvaluationService evaluation, EnterpriseService enterprises, ClosureSubsidies subsidies) {
        this.evaluation = evaluation;
        this.enterprises = enterprises;
        this.subsidies = subsidies;
    }

    /**
     * The reason the item is excluded because its exit drew an award or closure subsidy (seed 003; reading S10 of
     * docs/decisions/supervision-readings.md), or null.
     */
    String subsidised(Equipment e) {
        return subsidies.subsidised(e.id()) ? "设备 " + e.code() + " 的退出已领取奖补资金，其产能不得再用作置换产能" : null;
    }

    /** The reason the item is excluded, or null. */
    String eliminatedPastDeadline(Equipment e, String industry, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        ProjectRuleFindings facts = evaluation.evaluateProject(new EvaluationRequest(today, e.region(), industry,
                List.of(new EvaluationRequest.EquipmentInput(e.code(), e.type().name(), e.parameters())), List.of()),
                problems);
        if (!problems.isEmpty() || facts == null) {
            return null;
        }
        for (Finding f : facts.findings()) {
            if ("ELIMINATED".equals(f.status()) && (f.deadline() == null || f.deadline().isBefore(today))) {
                return "设备 " + e.code() + " 属淘汰类落后产能" + (f.deadline() == null ? "" : "（淘汰期限 " + f.deadline()
                        + " 已过）") + "，不得用作置换产能" + (f.citation() == null ? "" : "：" + f.citation().document());
            }
        }
        return null;
    }

    String enterpriseName(String uscc) {
        return enterprises.get(uscc).name();
    }
}
