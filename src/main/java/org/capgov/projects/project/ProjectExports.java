package org.capgov.projects.project;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.projects.gate.GateDecision;
import org.capgov.shared.Actors;
import org.capgov.shared.Vocabulary;
import org.capgov.shared.spreadsheet.TableFormat;
import org.capgov.shared.spreadsheet.TableWriter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects and replacement plans in the caller's data scope as CSV (UTF-8 with a BOM) or .xlsx, through the shared
 * {@link TableWriter}: Chinese headers, names instead of codes (kind, industry, product, unit, approval, status,
 * decision through the vocabulary), numbers as numbers. One audit entry per export.
 */
@Component
class ProjectExports {

    /** At most this many rows per export; the newest first. */
    static final int MAX_ROWS = 50_000;

    static final List<String> PROJECT_HEADER = List.of("项目编号", "项目名称", "统一社会信用代码", "企业名称", "区划代码",
            "项目类型", "行业", "产品", "新增产能", "同时淘汰产能", "单位", "审批方式", "申报日期", "状态", "状态日期", "准入结论",
            "审查改判", "置换比例", "所需退出产能", "目录版本");
    static final List<String> PLAN_HEADER = List.of("方案编号", "项目编号", "项目名称", "统一社会信用代码", "企业名称", "区划代码",
            "产品", "单位", "置换比例", "比例及理由", "所需退出产能", "退出产能合计", "退出设备", "指标账户", "使用指标", "确认机关",
            "状态", "公示期（工作日）", "公示开始", "公示结束", "公示文号", "公告日期", "公告文号", "退出期限", "不予确认", "异议",
            "未答复异议");

    @FunctionalInterface
    interface Opener {
        OutputStream open() throws IOException;
    }

    private static final Locale ZH = Vocabulary.ZH;

    private final ProjectRepository projects;
    private final PlanRepository plans;
    private final Vocabulary labels;
    private final AuditTrail audit;

    ProjectExports(ProjectRepository projects, PlanRepository plans, Vocabulary labels, AuditTrail audit) {
        this.projects = projects;
        this.plans = plans;
        this.labels = labels;
        this.audit = audit;
    }

    static String fileName(String what, TableFormat format) {
        return what + "." + format.extension();
    }

    /** Projects in scope, optionally of one status (an unknown status is no filter, as on the list). */
    @Transactional
    public void projects(String status, TableFormat format, Opener open) throws IOException {
        String s = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        String filter = s != null && ProjectService.isStatus(s) ? s : null;
        List<Project> rows = projects.search(Actors.scope(), filter, MAX_ROWS);
        try (OutputStream out = open.open(); TableWriter table = format.open(out, "新增产能项目")) {
            table.row(PROJECT_HEADER);
            for (Project p : rows) {
                table.row(cells(p));
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", filter == null ? "" : filter);
        details.put("format", format.extension());
        details.put("rows", rows.size());
        audit.record(new AuditEvent(AuditAction.EXPORT, "project", null, null, "导出新增产能项目（"
                + format.extension().toUpperCase(Locale.ROOT) + "）" + rows.size() + " 个", null, details));
    }

    /** Replacement plans in scope, each with its retired equipment and its objections counted. */
    @Transactional
    public void plans(TableFormat format, Opener open) throws IOException {
        List<ReplacementPlan> rows = plans.search(Actors.scope(), null, MAX_ROWS);
        try (OutputStream out = open.open(); TableWriter table = format.open(out, "产能置换方案")) {
            table.row(PLAN_HEADER);
            for (ReplacementPlan p : rows) {
                table.row(cells(p, plans.retired(p.id()), plans.objections(p.id())));
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", format.extension());
        details.put("rows", rows.size());
        audit.record(new AuditEvent(AuditAction.EXPORT, "replacement_plan", null, null, "导出产能置换方案（"
                + format.extension().toUpperCase(Locale.ROOT) + "）" + rows.size() + " 个", null, details));
    }

    private List<Object> cells(Project p) {
        GateDecision g = p.gate();
        return Arrays.asList(p.id(), p.name(), p.uscc(), p.enterpriseName(), p.regionCode(),
                labels.in(ZH, "project.kind.", p.kind()), labels.in(ZH, "industry.", p.industry()),
                labels.in(ZH, "product.", p.product()), p.capacityAdded(), p.capacityRemoved(), labels.unit(ZH, p.unit()),
                labels.in(ZH, "project.approval.", p.approvalKind()), date(p.declaredOn()),
                labels.in(ZH, "project.status.", p.status().name()), date(p.statusSince()),
                g == null ? "" : labels.in(ZH, "project.decision.", g.decision().name()),
                p.overrideDecision() == null ? "" : labels.in(ZH, "project.decision.", p.overrideDecision()),
                g == null ? null : g.ratio(), g == null || g.requiredRetirement() == null ? null
                        : g.requiredRetirement().quantity(), g == null ? "" : g.catalogueVersion());
    }

    private List<Object> cells(ReplacementPlan p, List<ReplacementPlan.Retired> retired,
            List<ReplacementPlan.Objection> objections) {
        List<String> items = new ArrayList<>();
        for (ReplacementPlan.Retired r : retired) {
            items.add(r.enterpriseName() + " " + r.equipmentCode() + "（" + plain(r.capacity()) + "）");
        }
        long open = objections.stream().filter(o -> !o.answered()).count();
        return Arrays.asList(p.code(), p.projectId(), p.projectName(), p.uscc(), p.enterpriseName(), p.regionCode(),
                labels.in(ZH, "product.", p.product()), labels.unit(ZH, p.unit()), p.ratio(), p.ratioReason(),
                p.required(), p.covered(), String.join("；", items), p.ledgerAccount(), p.ledgerUnits(),
                p.confirmingAuthority(), labels.in(ZH, "plan.status.", p.status()), p.noticeDays(), date(p.noticeStart()),
                date(p.noticeEnd()), p.noticeDocument(), date(p.announcedOn()), p.announcement(),
                date(p.exitDeadline()), p.refusal(), objections.size(), open);
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }
}
