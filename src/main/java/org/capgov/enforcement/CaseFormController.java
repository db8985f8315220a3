package org.capgov.enforcement;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.capgov.compliance.FindingsService;
import org.capgov.shared.Dimension;
import org.capgov.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Case forms: open a case by hand or from a finding, and take an action on a case. A refusal (bad input, not the
 * person's to take, against the legal rules, or the case changed by someone else meanwhile) comes back to the page
 * with the Chinese reason and the input kept; nothing is saved.
 */
@Controller
class CaseFormController {

    static final List<String> ORIGINS = List.of("MANUAL", "INSPECTION", "FINDING");

    private final CaseService cases;
    private final MessageSource messages;
    private final FindingsService findings;

    CaseFormController(CaseService cases, MessageSource messages, FindingsService findings) {
        this.findings = findings;
        this.cases = cases;
        this.messages = messages;
    }

    @GetMapping("/enforcement/cases/new")
    @PreAuthorize(CaseApiController.OFFICERS)
    String newCase(@RequestParam(required = false) String uscc, @RequestParam(required = false) String findingId,
            Model model) {
        model.addAttribute("dimensions", Dimension.values());
        model.addAttribute("origins", ORIGINS);
        model.addAttribute("today", cases.today());
        // the finding behind the form, so that the officer sees which enterprise and which failure it is
        if (findingId != null && !findingId.isBlank()) {
            findings.find(findingId.trim()).ifPresent(f -> model.addAttribute("finding", f));
        }
        if (!model.containsAttribute("form")) {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("uscc", uscc == null ? "" : uscc.trim());
            form.put("findingId", findingId == null ? "" : findingId.trim());
            form.put("effectiveDate", cases.today().toString());
            form.put("origin", findingId == null || findingId.isBlank() ? "MANUAL" : "FINDING");
            model.addAttribute("form", form);
        }
        return "enforcement/case-new";
    }

    @PostMapping("/enforcement/cases")
    @PreAuthorize(CaseApiController.OFFICERS)
    String open(@RequestParam MultiValueMap<String, String> fields, RedirectAttributes redirect) {
        Map<String, Object> form = kept(fields, "uscc", "dimension", "effectiveDate", "deadline", "equipmentRef",
                "findingId", "origin", "document", "note");
        return attempt(redirect, "/enforcement/cases/new", form, null, () -> {
            OpenCaseRequest r = new OpenCaseRequest(fields.getFirst("uscc"), blank(fields.getFirst("dimension")),
                    date("effectiveDate", fields.getFirst("effectiveDate")), blank(fields.getFirst("findingId")),
                    blank(fields.getFirst("equipmentRef")), date("deadline", fields.getFirst("deadline")),
                    blank(fields.getFirst("origin")), blank(fields.getFirst("document")), blank(fields.getFirst("note")));
            return "/enforcement/cases/" + path(cases.open(r).summary().id());
        });
    }

    /** The 立案 button of a findings row: opens at once, today; where more is needed (a deadline), the full form. */
    @PostMapping("/enforcement/cases/from-finding")
    @PreAuthorize(CaseApiController.OFFICERS)
    String fromFinding(@RequestParam(required = false) String findingId, RedirectAttributes redirect) {
        String id = findingId == null ? "" : findingId.trim();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("findingId", id);
        form.put("effectiveDate", cases.today().toString());
        form.put("origin", "FINDING");
        String[] parts = id.split(":", -1);
        form.put("uscc", parts.length == 4 ? parts[1] : "");
        String back = UriComponentsBuilder.fromPath("/enforcement/cases/new").queryParam("findingId", id).encode()
                .build().toUriString();
        try {
            String opened = cases.open(new OpenCaseRequest(null, null, cases.today(), id, null, null, "FINDING", null,
                    null)).summary().id();
            redirect.addFlashAttribute("saved", true);
            return "redirect:/enforcement/cases/" + path(opened);
        } catch (DomainException e) {
            if (!"deadline".equals(e.field())) {
                return refused(redirect, back, form, null, e);
            }
            // the officer has to set the deadline: a question of the form, not a refusal
            redirect.addFlashAttribute("form", form);
            redirect.addFlashAttribute("hint", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                    LocaleContextHolder.getLocale()));
            return "redirect:" + back;
        }
    }

    @PostMapping("/enforcement/cases/{id}/actions")
    @PreAuthorize(CaseApiController.ACTORS)
    String act(@PathVariable String id, @RequestParam MultiValueMap<String, String> fields,
            RedirectAttributes redirect) {
        String action = blank(fields.getFirst("action"));
        Map<String, Object> form = kept(fields, "action", "effectiveDate", "document", "note", "months", "measure",
                "equipmentRef", "dismantleDeadline", "deadline");
        String back = "/enforcement/cases/" + path(id);
        return attempt(redirect, back, form, action, () -> {
            CaseActionRequest r = new CaseActionRequest(action, date("effectiveDate", fields.getFirst("effectiveDate")),
                    integer("months", fields.getFirst("months")), blank(fields.getFirst("document")),
                    blank(fields.getFirst("note")), blank(fields.getFirst("measure")),
                    blank(fields.getFirst("equipmentRef")), fields.containsKey("commitment") ? Boolean.TRUE : null,
                    date("dismantleDeadline", fields.getFirst("dismantleDeadline")),
                    date("deadline", fields.getFirst("deadline")), integer("version", fields.getFirst("version")));
            cases.act(id, r);
            return back;
        });
    }

    /**
     * Runs a change; a refusal comes back to {@code backTo} with its reason and the input, and nothing is saved. "Not
     * found" stays a 404 page: there is no form to go back to.
     */
    private String attempt(RedirectAttributes redirect, String backTo, Map<String, Object> form, String action,
            Supplier<String> change) {
        try {
            String target = change.get();
            redirect.addFlashAttribute("saved", true);
            return "redirect:" + target;
        } catch (DomainException e) {
            return refused(redirect, backTo, form, action, e);
        }
    }

    private String refused(RedirectAttributes redirect, String backTo, Map<String, Object> form, String action,
            DomainException e) {
        if (e.status() == 404 && e.field() == null) {
            throw e;
        }
        redirect.addFlashAttribute("failure", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                LocaleContextHolder.getLocale()));
        redirect.addFlashAttribute("failureField", e.field());
        redirect.addFlashAttribute("stale", "enforcement.refused.stale".equals(e.messageKey()));
        redirect.addFlashAttribute("failedAction", action);
        redirect.addFlashAttribute("form", form);
        return "redirect:" + backTo;
    }

    private static Map<String, Object> kept(MultiValueMap<String, String> fields, String... names) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (String n : names) {
            String v = fields.getFirst(n);
            form.put(n, v == null ? "" : v.trim());
        }
        return form;
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "enforcement.page.badDate", value);
        }
    }

    static Integer integer(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, "enforcement.page.badNumber", value);
        }
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String path(String segment) {
        return UriUtils.encodePathSegment(segment, java.nio.charset.StandardCharsets.UTF_8);
    }
}
