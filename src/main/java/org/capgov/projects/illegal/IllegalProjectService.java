package org.capgov.projects.illegal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.credit.CreditRecordService;
import org.capgov.enforcement.CaseDates;
import org.capgov.identity.CapgovUser;
import org.capgov.identity.Role;
import org.capgov.projects.illegal.IllegalProjectRules.Application;
import org.capgov.projects.illegal.IllegalProjectRules.Measure;
import org.capgov.projects.illegal.IllegalProjectRules.Outcome;
import org.capgov.projects.illegal.IllegalProjectRules.Procedures;
import org.capgov.projects.illegal.IllegalProjectRules.Stage;
import org.capgov.projects.illegal.IllegalProjectRules.Step;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DataScope;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.capgov.shared.Industry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of illegal projects: a project entered with its class gets the measures of {@link IllegalProjectRules};
 * a concealed project under construction gets a FINANCING credit record; the 补办 application moves 区县 → 市 → 国家
 * and the state's answer reclassifies the project. Every change is audited in the same transaction.
 */
@Service
public class IllegalProjectService {

    static final int MAX_REFERENCES = 20;
    static final int LIST_LIMIT = 500;

    private final IllegalProjectRepository projects;
    private final EnterpriseService enterprises;
    private final CreditRecordService credit;
    private final AuditTrail audit;
    private final Clock clock;

    IllegalProjectService(IllegalProjectRepository projects, EnterpriseService enterprises, CreditRecordService credit,
            AuditTrail audit, Clock clock) {
        this.projects = projects;
        this.enterprises = enterprises;
        this.credit = credit;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return ChinaTime.today(clock);
    }

    @Transactional
    public IllegalProject register(IllegalProjectRequests.Register r) {
        if (r == null) {
            throw DomainException.invalid(List.of(new FieldProblem("uscc", "", "请求体为空")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = today();
        String name = text(r.name(), "name", 200, true, problems);
        Industry industry = code(Industry.class, r.industry(), "industry", problems);
        Stage stage = code(Stage.class, r.stage(), "stage", problems);
        Procedures procedures = code(Procedures.class, r.procedures(), "procedures", problems);
        LocalDate foundOn = date(r.foundOn(), "foundOn", problems);
        if (foundOn == null && (r.foundOn() == null || r.foundOn().isBlank())) {
            foundOn = today;
        } else if (foundOn != null && foundOn.isAfter(today)) {
            problems.add(new FieldProblem("foundOn", r.foundOn(), "查实日期不能晚于今天"));
        }
        String document = text(r.document(), "document", 100, false, problems);
        LocalDate deadline = date(r.demolitionDeadline(), "demolitionDeadline", problems);
        List<IllegalProject.Reference> references = references(r.references(), today, problems);
        boolean concealed = Boolean.TRUE.equals(r.concealed());
        boolean backward = Boolean.TRUE.equals(r.backward());
        Outcome outcome = stage == null || procedures == null ? null
                : IllegalProjectRules.outcome(stage, procedures, concealed, backward);
        if (outcome != null) {
            deadline(outcome, deadline, r.demolitionDeadline(), foundOn == null ? today : foundOn, problems);
        }
        if (r.uscc() == null || r.uscc().isBlank()) {
            problems.add(new FieldProblem("uscc", "", "缺少企业统一社会信用代码"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        Enterprise e = enterprise(r.uscc());
        Integer year = outcome.has(Measure.ELIMINATION_TASK) ? today.getYear() : null;
        IllegalProjectRepository.Inserted stored = projects.insert(new IllegalProjectRepository.NewProject(e.id(),
                e.uscc(), e.regionPath(), name,
                industry.name(), stage, procedures, concealed, backward, outcome.measures(), outcome.citation(), foundOn,
                document, deadline, year, Actors.username()));
        long id = stored.id();
        for (IllegalProject.Reference ref : references) {
            projects.reference(id, ref.kind(), ref.number(), ref.issuer(), ref.issuedOn());
        }
        if (outcome.has(Measure.STOP_LENDING)) {
            long record = credit.sanctionIllegalProject(e.id(), e.uscc(), e.regionPath(), stored.number(), document,
                    foundOn);
            projects.creditRecord(id, record);
        }
        IllegalProject after = detail(projects.find(stored.number(), DataScope.all(), false).orElseThrow());
        audit.record(new AuditEvent(AuditAction.CREATE, "illegal_project", after.number(), after.regionPath(),
                "违规项目登记 " + after.number() + "：" + after.name(), null, after));
        return after;
    }

    @Transactional
    public IllegalProject step(String number, IllegalProjectRequests.StepRequest r) {
        if (r == null) {
            throw DomainException.invalid(List.of(new FieldProblem("step", "", "请求体为空")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        Step step = code(Step.class, r.step(), "step", problems);
        LocalDate today = today();
        LocalDate on = date(r.date(), "date", problems);
        if (on == null && (r.date() == null || r.date().isBlank())) {
            on = today;
        } else if (on != null && on.isAfter(today)) {
            problems.add(new FieldProblem("date", r.date(), "日期不能晚于今天"));
        }
        String document = text(r.document(), "document", 100, false, problems);
        String note = text(r.note(), "note", 1000, false, problems);
        LocalDate deadline = date(r.demolitionDeadline(), "demolitionDeadline", problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        IllegalProject before = detail(projects.find(number, Actors.scope(), true)
                .orElseThrow(() -> DomainException.notFound("error.illegal.notFound", number)));
        mayTake(step);
        Outcome outcome = new Outcome(before.measures(), before.citation());
        Application application = IllegalProjectRules.next(before.application(), step, outcome);
        if (application == null || step == Step.DEMOLISHED && before.demolishedOn() != null) {
            throw DomainException.conflict("error.illegal.stepNotOpen", number, named(step));
        }
        Procedures procedures = IllegalProjectRules.afterAnswer(before.procedures(), application);
        Outcome next = procedures == before.procedures() ? outcome
                : IllegalProjectRules.outcome(before.stage(), procedures, before.concealed(), before.backward());
        LocalDate demolitionDeadline = before.demolitionDeadline();
        if (next.has(Measure.DEMOLISH) && demolitionDeadline == null) {
            deadline(next, deadline, r.demolitionDeadline(), on, problems);
            demolitionDeadline = deadline;
        } else if (!next.has(Measure.DEMOLISH)) {
            demolitionDeadline = null;
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        LocalDate demolishedOn = step == Step.DEMOLISHED ? on : before.demolishedOn();
        Integer year = next.has(Measure.ELIMINATION_TASK)
                ? before.eliminationYear() == null ? today.getYear() : before.eliminationYear() : null;
        projects.update(before.id(), procedures, next.measures(), next.citation(), application, demolitionDeadline,
                demolishedOn, year);
        projects.step(before.id(), step.name(), on, document, note, Actors.username());
        IllegalProject after = detail(projects.find(number, DataScope.all(), false).orElseThrow());
        audit.record(new AuditEvent(AuditAction.UPDATE, "illegal_project", number, after.regionPath(),
                "违规项目 " + number + " 办理：" + step.name(), before, after));
        return after;
    }

    public IllegalProject get(String number) {
        return detail(projects.find(number, Actors.scope(), false)
                .orElseThrow(() -> DomainException.notFound("error.illegal.notFound", number)));
    }

    public List<IllegalProject> list() {
        LocalDate today = today();
        return projects.list(Actors.scope(), LIST_LIMIT).stream().map(p -> withOverdue(p, today)).toList();
    }

    /** The published register: every project's class and result (seed 003 "处理结果均向社会公开", reading W4). */
    public List<IllegalProject> published() {
        LocalDate today = today();
        return projects.list(DataScope.all(), LIST_LIMIT).stream().map(p -> withOverdue(p, today)).toList();
    }

    private IllegalProject withOverdue(IllegalProject p, LocalDate today) {
        return p.withDetail(CaseDates.overdue(p.demolitionDeadline(), p.demolishedOn(), today), List.of(), List.of());
    }

    private IllegalProject detail(IllegalProject p) {
        return p.withDetail(CaseDates.overdue(p.demolitionDeadline(), p.demolishedOn(), today()),
                projects.references(p.id()), projects.steps(p.id()));
    }

    /** Who takes which step (reading W3): the district applies, the city submits and records the state's answer. */
    private static void mayTake(Step step) {
        List<Role> roles = switch (step) {
            case DISTRICT_APPLY -> List.of(Role.DISTRICT_OFFICER, Role.COORDINATOR, Role.ADMIN);
            case CITY_SUBMIT, STATE_RECOGNISE, STATE_REFUSE -> List.of(Role.COORDINATOR, Role.ADMIN);
            case DEMOLISHED -> List.of(Role.DISTRICT_OFFICER, Role.DEPARTMENT_OFFICER, Role.COORDINATOR, Role.ADMIN);
        };
        boolean may = Actors.principal().filter(CapgovUser.class::isInstance).map(CapgovUser.class::cast)
                .map(u -> roles.stream().anyMatch(u::hasRole)).orElse(false);
        if (!may) {
            throw DomainException.forbidden("error.illegal.stepForbidden", named(step));
        }
    }

    /** A step as a message argument: its name in the reader's language, never its code. */
    private static org.springframework.context.MessageSourceResolvable named(Step step) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(
                new String[] {"illegal.step." + step.name()}, step.name());
    }

    private Enterprise enterprise(String uscc) {
        try {
            return enterprises.get(uscc);
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw DomainException.invalid(List.of(new FieldProblem("uscc", uscc,
                        "企业 " + uscc.trim() + " 不存在，或不在您的数据范围内")));
            }
            throw e;
        }
    }

    /** 限期拆除 needs a deadline after the day the project was found; other classes take none. */
    private static void deadline(Outcome outcome, LocalDate deadline, String raw, LocalDate from,
            List<FieldProblem> problems) {
        if (outcome.has(Measure.DEMOLISH)) {
            if (deadline == null && (raw == null || raw.isBlank())) {
                problems.add(new FieldProblem("demolitionDeadline", "", "此类项目须限期拆除：缺少拆除期限"));
            } else if (deadline != null && !deadline.isAfter(from)) {
                problems.add(new FieldProblem("demolitionDeadline", raw, "拆除期限须晚于查实（或决定）日期 " + from));
            }
        } else if (deadline != null) {
            problems.add(new FieldProblem("demolitionDeadline", raw, "此类项目不责令拆除，不应给出拆除期限"));
        }
    }

    private static List<IllegalProject.Reference> references(List<IllegalProjectRequests.ReferenceInput> in,
            LocalDate today, List<FieldProblem> problems) {
        List<IllegalProject.Reference> out = new ArrayList<>();
        if (in == null) {
            return out;
        }
        if (in.size() > MAX_REFERENCES) {
            problems.add(new FieldProblem("references", Integer.toString(in.size()), "关联记录最多 " + MAX_REFERENCES + " 条"));
            return out;
        }
        for (int i = 0; i < in.size(); i++) {
            IllegalProjectRequests.ReferenceInput ref = in.get(i);
            String at = "references[" + i + "].";
            if (ref == null) {
                problems.add(new FieldProblem("references[" + i + "]", "", "关联记录为空"));
                continue;
            }
            Kind kind = code(Kind.class, ref.kind(), at + "kind", problems);
            String number = text(ref.number(), at + "number", 100, true, problems);
            String issuer = text(ref.issuer(), at + "issuer", 100, true, problems);
            LocalDate on = date(ref.issuedOn(), at + "issuedOn", problems);
            if (on == null && (ref.issuedOn() == null || ref.issuedOn().isBlank())) {
                problems.add(new FieldProblem(at + "issuedOn", "", "缺少发文（登记）日期"));
            } else if (on != null && on.isAfter(today)) {
                problems.add(new FieldProblem(at + "issuedOn", ref.issuedOn(), "日期不能晚于今天"));
            }
            if (kind != null && number != null && issuer != null && on != null) {
                out.add(new IllegalProject.Reference(kind.name(), number, issuer, on));
            }
        }
        return out;
    }

    /** The kinds of records held elsewhere that a project links to (seed 003: 土地、海域、环保、金融). */
    enum Kind {
        LAND, OCEAN, ENVIRONMENT, FINANCE
    }

    private static <E extends Enum<E>> E code(Class<E> type, String raw, String field, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new FieldProblem(field, "", "缺少 " + field));
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, raw, "未知代码 " + raw + "，应为 "
                    + String.join("、", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }

    private static LocalDate date(String raw, String field, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, raw, "日期格式应为 YYYY-MM-DD"));
            return null;
        }
    }

    private static String text(String raw, String field, int max, boolean required, List<FieldProblem> problems) {
        String v = raw == null ? null : raw.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field, "", "缺少 " + field));
            }
            return null;
        }
        if (v.length() > max) {
            problems.add(new FieldProblem(field, v.substring(0, 20) + "…", "不能超过 " + max + " 字"));
            return null;
        }
        if (v.chars().anyMatch(c -> c < 0x20)) {
            problems.add(new FieldProblem(field, "", "含有控制字符"));
            return null;
        }
        return v;
    }
}
