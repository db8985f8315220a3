package org.capgov.projects.project;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.identity.PeopleDirectory;
import org.capgov.notification.Notice;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Objections to a replacement plan under public notice and their answers (reading P7). An objection is recorded only
 * on a day of the notice period, naming who objected: an enterprise of the registry, a person by the platform
 * account, or the public. An officer answers each objection once; the answer is audited, shown on the plan page and
 * published with the announced plan, and an identified objector is sent a notice with it. A plan is announced only
 * when every objection has its answer.
 */
@Service
public class PlanObjections {

    static final int MAX_ANSWER = 2000;

    private final PlanRepository plans;
    private final PlanService planService;
    private final PeopleDirectory people;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlanObjections(PlanRepository plans, PlanService planService, PeopleDirectory people, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.plans = plans;
        this.planService = planService;
        this.people = people;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public PlanService.Detail record(long id, ProjectRequests.Objection o) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = ChinaTime.today(clock);
        LocalDate on = o == null || o.receivedOn() == null ? today : o.receivedOn();
        if (on.isAfter(today)) {
            problems.add(new FieldProblem("receivedOn", on.toString(), "收到日期不得晚于今天"));
        }
        if (o == null || ProjectService.blank(o.objector())) {
            problems.add(new FieldProblem("objector", "", "缺少异议人"));
        }
        if (o == null || ProjectService.blank(o.text())) {
            problems.add(new FieldProblem("text", "", "缺少异议内容"));
        }
        String uscc = o == null || ProjectService.blank(o.objectorUscc()) ? null
                : o.objectorUscc().trim().toUpperCase(Locale.ROOT);
        String account = o == null || ProjectService.blank(o.objectorAccount()) ? null : o.objectorAccount().trim();
        if (uscc != null && account != null) {
            problems.add(new FieldProblem("objectorAccount", account, "异议人为企业或个人，只能填写统一社会信用代码或平台账号之一"));
        } else if (uscc != null && plans.enterpriseName(uscc).isEmpty()) {
            problems.add(new FieldProblem("objectorUscc", uscc, "登记库中没有统一社会信用代码为 " + uscc + " 的企业"));
        } else if (account != null && people.audience(List.of(), List.of(), null, List.of(), List.of(account)).isEmpty()) {
            problems.add(new FieldProblem("objectorAccount", account, "没有可接收通知的平台账号 " + account));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        ReplacementPlan p = find(id);
        if (!"NOTICE".equals(p.status()) || on.isBefore(p.noticeStart()) || on.isAfter(p.noticeEnd())) {
            throw refused("异议须在公示期内提出" + (p.noticeStart() == null ? "（方案未公示）"
                    : "（" + p.noticeStart() + " 至 " + p.noticeEnd() + "）"));
        }
        String kind = uscc != null ? "ENTERPRISE" : account != null ? "PERSON" : "PUBLIC";
        long objection = plans.objection(id, on, o.objector().trim(), o.text().trim(), kind, uscc, account,
                Actors.username());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("objection", objection);
        after.put("receivedOn", on.toString());
        after.put("objector", o.objector().trim());
        after.put("objectorKind", kind);
        after.put("objectorUscc", uscc == null ? "" : uscc);
        after.put("objectorAccount", account == null ? "" : account);
        after.put("text", o.text().trim());
        audit.record(new AuditEvent(AuditAction.CREATE, "replacement_plan", Long.toString(id), p.regionPath(),
                "置换方案 " + p.code() + " 公示期异议", null, after));
        return planService.detail(id);
    }

    @Transactional
    public PlanService.Detail answer(long id, long objectionId, ProjectRequests.Answer a) {
        String text = a == null || ProjectService.blank(a.answer()) ? null : a.answer().trim();
        if (text == null) {
            throw DomainException.invalid(List.of(new FieldProblem("answer", "", "缺少答复内容")));
        }
        if (text.length() > MAX_ANSWER) {
            throw DomainException.invalid(List.of(new FieldProblem("answer", text.substring(0, 20) + "…",
                    "答复过长（最多 " + MAX_ANSWER + " 字）")));
        }
        String document = ProjectService.blank(a.document()) ? null : a.document().trim();
        ReplacementPlan p = find(id);
        ReplacementPlan.Objection o = plans.objection(id, objectionId, true)
                .orElseThrow(() -> DomainException.notFound("error.plan.objectionNotFound", objectionId, p.code()));
        if (o.answered()) {
            throw refused("该异议已于 " + o.answeredOn() + " 答复，不能再次答复");
        }
        LocalDate today = ChinaTime.today(clock);
        boolean notify = !"PUBLIC".equals(o.objectorKind());
        plans.answer(objectionId, text, today, document, Actors.username(), notify);
        if (notify) {
            Notice notice = Notice.of("PLAN_OBJECTION_ANSWERED", "您对产能置换方案 " + p.code() + " 的异议已答复",
                    "项目：" + p.projectName() + "（" + p.enterpriseName() + "）\n您的异议（" + o.receivedOn() + "）："
                            + o.text() + "\n答复（" + today + (document == null ? "" : "，" + document) + "）：" + text)
                    .inRegion(p.regionPath()).once("PLAN_OBJECTION_ANSWERED:" + objectionId);
            events.publishEvent("ENTERPRISE".equals(o.objectorKind()) ? notice.toEnterprise(o.objectorUscc())
                    : notice.toPeople(o.objectorAccount()));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("objection", objectionId);
        after.put("answer", text);
        after.put("answeredOn", today.toString());
        after.put("document", document == null ? "" : document);
        after.put("notified", notify ? ("ENTERPRISE".equals(o.objectorKind()) ? o.objectorUscc() : o.objectorAccount())
                : "");
        audit.record(new AuditEvent(AuditAction.UPDATE, "replacement_plan", Long.toString(id), p.regionPath(),
                "置换方案 " + p.code() + " 答复公示期异议", Map.of("objection", objectionId, "answer", ""), after));
        return planService.detail(id);
    }

    private ReplacementPlan find(long id) {
        return plans.find(id, Actors.scope(), true)
                .orElseThrow(() -> DomainException.notFound("error.plan.notFound", id));
    }

    private static DomainException refused(String reason) {
        return DomainException.conflict("error.project.refused", reason);
    }
}
