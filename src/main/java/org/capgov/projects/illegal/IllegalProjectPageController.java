package org.capgov.projects.illegal;

import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.capgov.shared.DomainException;
import org.capgov.shared.Industry;
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
import org.springframework.web.util.UriUtils;

/** Pages of the register: the list with the entry form, one project with its steps, and the published results. */
@Controller
class IllegalProjectPageController {

    private static final String[] REGISTER_FIELDS = {"uscc", "name", "industry", "stage", "procedures", "concealed",
        "backward", "foundOn", "document", "demolitionDeadline", "refKind", "refNumber", "refIssuer", "refIssuedOn"};

    private final IllegalProjectService register;
    private final MessageSource messages;

    IllegalProjectPageController(IllegalProjectService register, MessageSource messages) {
        this.register = register;
        this.messages = messages;
    }

    @GetMapping("/illegal-projects")
    @PreAuthorize(IllegalProjectApiController.READERS)
    String list(Model model) {
        model.addAttribute("projects", register.list());
        vocabulary(model);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("foundOn", register.today().toString()));
        }
        return "projects/illegal-projects";
    }

    @PostMapping("/illegal-projects")
    @PreAuthorize(IllegalProjectApiController.OFFICERS)
    String create(@RequestParam MultiValueMap<String, String> fields, RedirectAttributes redirect) {
        Map<String, Object> form = kept(fields, REGISTER_FIELDS);
        List<IllegalProjectRequests.ReferenceInput> refs = new ArrayList<>();
        if (!blank(fields.getFirst("refKind")) || !blank(fields.getFirst("refNumber"))) {
            refs.add(new IllegalProjectRequests.ReferenceInput(fields.getFirst("refKind"), fields.getFirst("refNumber"),
                    fields.getFirst("refIssuer"), fields.getFirst("refIssuedOn")));
        }
        return attempt(redirect, "/illegal-projects", form, () -> register.register(new IllegalProjectRequests.Register(
                fields.getFirst("uscc"), fields.getFirst("name"), fields.getFirst("industry"), fields.getFirst("stage"),
                fields.getFirst("procedures"), fields.containsKey("concealed"), fields.containsKey("backward"),
                fields.getFirst("foundOn"), fields.getFirst("document"), fields.getFirst("demolitionDeadline"), refs)));
    }

    @GetMapping("/illegal-projects/{number}")
    @PreAuthorize(IllegalProjectApiController.READERS)
    String project(@PathVariable String number, Model model) {
        model.addAttribute("project", register.get(number));
        model.addAttribute("steps", IllegalProjectRules.Step.values());
        model.addAttribute("today", register.today());
        return "projects/illegal-project";
    }

    @PostMapping("/illegal-projects/{number}/steps")
    @PreAuthorize(IllegalProjectApiController.OFFICERS)
    String step(@PathVariable String number, @RequestParam MultiValueMap<String, String> fields,
            RedirectAttributes redirect) {
        Map<String, Object> form = kept(fields, "step", "date", "document", "note", "demolitionDeadline");
        return attempt(redirect, path(number), form, () -> register.step(number, new IllegalProjectRequests.StepRequest(
                fields.getFirst("step"), fields.getFirst("date"), fields.getFirst("document"), fields.getFirst("note"),
                fields.getFirst("demolitionDeadline"))));
    }

    @GetMapping("/public/illegal-projects")
    @PermitAll
    String published(Model model) {
        model.addAttribute("projects", register.published());
        return "projects/illegal-public";
    }

    private String attempt(RedirectAttributes redirect, String back, Map<String, Object> form,
            Supplier<IllegalProject> action) {
        try {
            IllegalProject p = action.get();
            redirect.addFlashAttribute("saved", true);
            return "redirect:" + path(p.number());
        } catch (DomainException e) {
            if (e.status() == 404 && e.field() == null) {
                throw e;
            }
            redirect.addFlashAttribute("failure", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                    LocaleContextHolder.getLocale()));
            redirect.addFlashAttribute("failureField", e.field());
            redirect.addFlashAttribute("form", form);
            return "redirect:" + back;
        }
    }

    private static String path(String number) {
        return "/illegal-projects/" + UriUtils.encodePathSegment(number, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void vocabulary(Model model) {
        model.addAttribute("industries", Industry.values());
        model.addAttribute("stages", IllegalProjectRules.Stage.values());
        model.addAttribute("procedureStates", IllegalProjectRules.Procedures.values());
        model.addAttribute("kinds", IllegalProjectService.Kind.values());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Map<String, Object> kept(MultiValueMap<String, String> fields, String... names) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (String n : names) {
            String v = fields.getFirst(n);
            form.put(n, v == null ? "" : v.trim());
        }
        return form;
    }
}
