package org.capgov.projects.project;

import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.capgov.projects.gate.GateRequest;
import org.capgov.shared.DomainException;
import org.capgov.shared.Industry;
import org.capgov.shared.Product;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of projects and replacement plans: the list with the declaration form, a project with its gate decision
 * (every reason with its citation), history, documents and plans, a plan with its notice, objections and
 * announcement, and the public page of announced plans. A refusal is shown on the page in Chinese; nothing changes.
 */
@Controller
class ProjectPageController {

    private final ProjectService projects;
    private final PlanService plans;
    private final PlanObjections objections;
    private final MessageSource messages;

    ProjectPageController(ProjectService projects, PlanService plans, PlanObjections objections,
            MessageSource messages) {
        this.projects = projects;
        this.plans = plans;
        this.objections = objections;
        this.messages = messages;
    }

    @GetMapping("/projects")
    @PreAuthorize(ProjectApiController.READERS)
    String list(@RequestParam(required = false) String status, Model model) {
        model.addAttribute("projects", projects.search(status));
        String filter = status == null ? null : status.trim().toUpperCase(java.util.Locale.ROOT);
        model.addAttribute("statusFilter", filter != null && ProjectService.isStatus(filter) ? filter : null);
        model.addAttribute("kinds", List.copyOf(ProjectService.KINDS_ORDERED));
        model.addAttribute("industries", Arrays.asList(Industry.values()));
        model.addAttribute("products", Arrays.asList(Product.values()));
        model.addAttribute("equipmentTypes", Arrays.asList(org.capgov.registry.EquipmentType.values()));
        return "projects/projects";
    }

    @PostMapping("/projects")
    @PreAuthorize(ProjectApiController.SUBMITTERS)
    String submit(@RequestParam(required = false) String uscc, @RequestParam(required = false) String name,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String industry,
            @RequestParam(required = false) String approvalKind, @RequestParam(required = false) String declaredOn,
            @RequestParam(required = false) String product, @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String equipmentRef, @RequestParam(required = false) String equipmentType,
            @RequestParam(required = false) String parameters, RedirectAttributes redirect) {
        Long id = attempt(redirect, () -> {
            List<GateRequest.Equipment> equipment = ProjectService.blank(equipmentType) ? List.of()
                    : List.of(new GateRequest.Equipment(ProjectService.blank(equipmentRef) ? "P1" : equipmentRef.trim(),
                            equipmentType.trim(), parameters(parameters)));
            return projects.submit(new ProjectRequests.Submission(uscc, name, kind, industry, approvalKind, equipment,
                    new GateRequest.Capacity(product, number("quantity", quantity), null), null, false, null,
                    date("declaredOn", declaredOn), List.of())).project().id();
        });
        return id == null ? "redirect:/projects" : "redirect:/projects/" + id;
    }

    @GetMapping("/projects/{id}")
    @PreAuthorize(ProjectApiController.READERS)
    String project(@PathVariable long id, Model model) {
        ProjectService.Detail d = projects.detail(id);
        model.addAttribute("d", d);
        model.addAttribute("p", d.project());
        model.addAttribute("plans", plans.search(id));
        model.addAttribute("documentKinds", List.of("LAND", "PLANNING", "ENERGY_REVIEW", "EIA", "INVESTMENT"));
        model.addAttribute("decisions", List.of("ALLOWED", "NEEDS_REPLACEMENT", "REFUSED"));
        return "projects/project";
    }

    @PostMapping("/projects/{id}/transitions")
    @PreAuthorize(ProjectApiController.ACTORS)
    String transition(@PathVariable long id, @RequestParam(required = false) String to,
            @RequestParam(required = false) String effectiveDate, @RequestParam(required = false) String document,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        attempt(redirect, () -> projects.transition(id, new ProjectRequests.Transition(to,
                date("effectiveDate", effectiveDate), document, note)));
        return "redirect:/projects/" + id;
    }

    @PostMapping("/projects/{id}/documents")
    @PreAuthorize(ProjectApiController.ACTORS)
    String document(@PathVariable long id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String number, @RequestParam(required = false) String issuedOn,
            @RequestParam(required = false) String department, RedirectAttributes redirect) {
        attempt(redirect, () -> projects.addDocument(id, new ProjectRequests.Document(kind, number,
                date("issuedOn", issuedOn), department)));
        return "redirect:/projects/" + id;
    }

    @PostMapping("/projects/{id}/override")
    @PreAuthorize(ProjectApiController.REVIEWERS)
    String override(@PathVariable long id, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String document,
            RedirectAttributes redirect) {
        attempt(redirect, () -> projects.override(id, new ProjectRequests.Override(decision, reason, document)));
        return "redirect:/projects/" + id;
    }

    @PostMapping("/projects/{id}/plans")
    @PreAuthorize(ProjectApiController.ACTORS)
    String newPlan(@PathVariable long id, @RequestParam(required = false) String retired,
            @RequestParam(required = false) String ledgerAccount, @RequestParam(required = false) String ledgerUnits,
            @RequestParam(required = false) String confirmingAuthority, RedirectAttributes redirect) {
        Long plan = attempt(redirect, () -> plans.create(new ProjectRequests.Plan(id, retired(retired),
                ProjectService.blank(ledgerAccount) ? null : number("ledgerAccount", ledgerAccount).longValue(),
                ProjectService.blank(ledgerUnits) ? null : number("ledgerUnits", ledgerUnits), confirmingAuthority,
                null)).plan().id());
        return plan == null ? "redirect:/projects/" + id : "redirect:/plans/" + plan;
    }

    @GetMapping("/plans/{id}")
    @PreAuthorize(ProjectApiController.READERS)
    String plan(@PathVariable long id, Model model) {
        PlanService.Detail d = plans.detail(id);
        model.addAttribute("d", d);
        model.addAttribute("suspended", "DRAFT".equals(d.plan().status()) ? plans.suspension(d.plan(), null) : null);
        model.addAttribute("provisionalYears", plans.workingDays().provisionalYears(d.plan().noticeStart(),
                d.plan().noticeEnd()));
        return "projects/plan";
    }

    @PostMapping("/plans/{id}/notice")
    @PreAuthorize(ProjectApiController.CONFIRMERS)
    String notice(@PathVariable long id, @RequestParam(required = false) String startOn,
            @RequestParam(required = false) String document, RedirectAttributes redirect) {
        attempt(redirect, () -> plans.notice(id, new ProjectRequests.Notice(date("startOn", startOn), document)));
        return "redirect:/plans/" + id;
    }

    @PostMapping("/plans/{id}/objections")
    @PreAuthorize(ProjectApiController.REVIEWERS)
    String objection(@PathVariable long id, @RequestParam(required = false) String receivedOn,
            @RequestParam(required = false) String objector, @RequestParam(required = false) String text,
            @RequestParam(required = false) String objectorUscc, @RequestParam(required = false) String objectorAccount,
            RedirectAttributes redirect) {
        attempt(redirect, () -> objections.record(id, new ProjectRequests.Objection(date("receivedOn", receivedOn),
                objector, text, objectorUscc, objectorAccount)));
        return "redirect:/plans/" + id;
    }

    @PostMapping("/plans/{id}/objections/{objection}/answer")
    @PreAuthorize(ProjectApiController.REVIEWERS)
    String answer(@PathVariable long id, @PathVariable long objection, @RequestParam(required = false) String answer,
            @RequestParam(required = false) String document, RedirectAttributes redirect) {
        attempt(redirect, () -> objections.answer(id, objection, new ProjectRequests.Answer(answer, document)));
        return "redirect:/plans/" + id;
    }

    @PostMapping("/plans/{id}/announce")
    @PreAuthorize(ProjectApiController.CONFIRMERS)
    String announce(@PathVariable long id, @RequestParam(required = false) String announcedOn,
            @RequestParam(required = false) String document, @RequestParam(required = false) String exitDeadline,
            RedirectAttributes redirect) {
        attempt(redirect, () -> plans.announce(id, new ProjectRequests.Announcement(date("announcedOn", announcedOn),
                document, date("exitDeadline", exitDeadline))));
        return "redirect:/plans/" + id;
    }

    @PostMapping("/plans/{id}/refuse")
    @PreAuthorize(ProjectApiController.CONFIRMERS)
    String refuse(@PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String document, RedirectAttributes redirect) {
        attempt(redirect, () -> plans.refuse(id, new ProjectRequests.Refusal(reason, document)));
        return "redirect:/plans/" + id;
    }

    @GetMapping("/public/replacement-plans")
    @PermitAll
    String published(Model model) {
        model.addAttribute("plans", plans.announced(200));
        return "projects/plans-public";
    }

    /** Runs a change; a refusal (400, 409, 403) goes to the page as a Chinese message, a 404 stays a 404. */
    private <T> T attempt(RedirectAttributes redirect, Supplier<T> change) {
        try {
            T out = change.get();
            redirect.addFlashAttribute("success", messages.getMessage("project.detail.done", null,
                    LocaleContextHolder.getLocale()));
            return out;
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("failure", message(e));
            return null;
        }
    }

    private String message(DomainException e) {
        if (!e.problems().isEmpty()) {
            return String.join("；", e.problems().stream().map(DomainException.FieldProblem::reason).toList());
        }
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }

    /** {@code USCC/CODE[/agreement]} per line. */
    private static List<ProjectRequests.Retired> retired(String text) {
        if (ProjectService.blank(text)) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> {
            String[] cells = l.split("[/／]", 3);
            return new ProjectRequests.Retired(cells[0].strip(), cells.length > 1 ? cells[1].strip() : null,
                    cells.length > 2 ? cells[2].strip() : null);
        }).toList();
    }

    /** {@code name=value, name=value}; numbers as numbers. */
    private static Map<String, Object> parameters(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (ProjectService.blank(text)) {
            return out;
        }
        for (String pair : text.split("[,，;；\\s]+")) {
            String[] kv = pair.split("[=＝:]", 2);
            if (kv.length == 2 && !kv[0].isBlank()) {
                String v = kv[1].trim();
                try {
                    out.put(kv[0].trim(), new BigDecimal(v));
                } catch (NumberFormatException e) {
                    out.put(kv[0].trim(), v);
                }
            } else if (!pair.isBlank()) {
                throw DomainException.invalid(List.of(new DomainException.FieldProblem("parameters", pair,
                        "设备参数应写成 名称=数值，如 nominal_t=120")));
            }
        }
        return out;
    }

    private static BigDecimal number(String field, String text) {
        if (ProjectService.blank(text)) {
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            throw DomainException.invalid(List.of(new DomainException.FieldProblem(field, text, "应为数字：" + text)));
        }
    }

    private static LocalDate date(String field, String text) {
        if (ProjectService.blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(List.of(new DomainException.FieldProblem(field, text,
                    "日期应写成 2026-01-31：" + text)));
        }
    }
}
