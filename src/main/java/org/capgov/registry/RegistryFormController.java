package org.capgov.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.capgov.region.Region;
import org.capgov.region.RegionService;
import org.capgov.shared.Actors;
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
import java.time.Clock;
import org.capgov.shared.ChinaTime;

/**
 * The registry's forms: a new enterprise, new equipment (the type is chosen first, then its parameters are asked
 * for), and status changes of an enterprise or an item. A refusal comes back to the form with every problem named
 * and the input kept; nothing is saved.
 */
@Controller
class RegistryFormController {

    /** Form fields of equipment parameters are named {@code param.<code>}; a checkbox also sends {@code _param.<code>}. */
    static final String PARAM = "param.";
    static final String PARAM_MARKER = "_param.";

    private final EnterpriseService enterprises;
    private final EquipmentService equipment;
    private final RegionService regions;
    private final MessageSource messages;
    private final Clock clock;

    RegistryFormController(Clock clock, EnterpriseService enterprises, EquipmentService equipment, RegionService regions,
            MessageSource messages) {
        this.clock = clock;
        this.enterprises = enterprises;
        this.equipment = equipment;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/registry/enterprises/new")
    @PreAuthorize(RegistryPageController.WRITERS)
    String newEnterprise(Model model) {
        model.addAttribute("regions", regionsInScope());
        model.addAttribute("industries", Industry.values());
        model.addAttribute("statuses", EnterpriseStatus.values());
        model.addAttribute("today", ChinaTime.today(clock));
        RegistryPageController.keepForm(model);
        return "registry/enterprise-new";
    }

    @PostMapping("/registry/enterprises")
    @PreAuthorize(RegistryPageController.WRITERS)
    String createEnterprise(@RequestParam MultiValueMap<String, String> fields, RedirectAttributes redirect) {
        Map<String, Object> form = kept(fields);
        return attempt(redirect, "/registry/enterprises/new", form, () -> {
            List<DomainException.FieldProblem> bad = new ArrayList<>();
            LocalDate since = date("statusSince", fields.getFirst("statusSince"), bad);
            rejectIf(bad);
            Enterprise created = enterprises.create(new EnterpriseDraft(fields.getFirst("uscc"), fields.getFirst("name"),
                    fields.getFirst("region"), fields.getOrDefault("industries", List.of()), fields.getFirst("address"),
                    fields.getFirst("legalRepresentative"), fields.getFirst("parentUscc"), codes(fields.getFirst("affiliates")),
                    codes(fields.getFirst("gridAccounts")), fields.getFirst("status"), since,
                    "true".equals(fields.getFirst("acceptCheckCharacter"))));
            return "/registry/enterprises/" + created.uscc();
        });
    }

    @GetMapping("/registry/enterprises/{uscc}/equipment/new")
    @PreAuthorize(RegistryPageController.WRITERS)
    String newEquipment(@PathVariable String uscc, @RequestParam(required = false) String type, Model model) {
        Enterprise e = enterprises.get(uscc);
        EquipmentType chosen = type == null ? null : EquipmentType.of(type.trim().toUpperCase(java.util.Locale.ROOT)).orElse(null);
        model.addAttribute("enterprise", e);
        model.addAttribute("types", EquipmentType.values());
        model.addAttribute("type", chosen);
        model.addAttribute("regions", regionsInScope());
        model.addAttribute("statuses", EquipmentStatus.values());
        model.addAttribute("today", ChinaTime.today(clock));
        if (chosen != null) {
            model.addAttribute("products", chosen.products().stream().sorted()
                    .map(p -> new RegistryReferenceController.ProductView(p.name(),
                            RegistryPageController.label(messages, "product.", p.name(), p.name()),
                            RegistryPageController.productUnit(messages, p))).toList());
            model.addAttribute("specs", RegistryReferenceController.specs(chosen, messages));
        }
        RegistryPageController.keepForm(model);
        return "registry/equipment-new";
    }

    @PostMapping("/registry/enterprises/{uscc}/equipment")
    @PreAuthorize(RegistryPageController.WRITERS)
    String createEquipment(@PathVariable String uscc, @RequestParam MultiValueMap<String, String> fields,
            RedirectAttributes redirect) {
        Map<String, Object> form = kept(fields);
        String type = fields.getFirst("type");
        String back = "/registry/enterprises/" + path(uscc) + "/equipment/new"
                + (type == null || type.isBlank() ? "" : "?type=" + UriUtils.encodeQueryParam(type.trim(),
                        java.nio.charset.StandardCharsets.UTF_8));
        return attempt(redirect, back, form, () -> {
            List<DomainException.FieldProblem> bad = new ArrayList<>();
            BigDecimal capacity = number("annualCapacity", fields.getFirst("annualCapacity"), bad);
            LocalDate commissioned = date("commissioned", fields.getFirst("commissioned"), bad);
            LocalDate since = date("statusSince", fields.getFirst("statusSince"), bad);
            rejectIf(bad);
            Equipment created = equipment.create(uscc, new EquipmentDraft(fields.getFirst("code"), fields.getFirst("line"),
                    type, parameters(fields), fields.getFirst("product"), capacity, commissioned, fields.getFirst("region"),
                    fields.getFirst("status"), since));
            return "/registry/enterprises/" + path(created.enterpriseUscc()) + "/equipment/" + path(created.code());
        });
    }

    @PostMapping("/registry/enterprises/{uscc}/status")
    @PreAuthorize(RegistryPageController.WRITERS)
    String changeEnterpriseStatus(@PathVariable String uscc, @RequestParam(required = false) String status,
            @RequestParam(required = false) String effectiveDate, @RequestParam(required = false) String document,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        Map<String, Object> form = Map.of("status", text(status), "effectiveDate", text(effectiveDate),
                "document", text(document), "note", text(note));
        String back = "/registry/enterprises/" + path(uscc);
        return attempt(redirect, back, form, () -> {
            Enterprise changed = enterprises.changeStatus(uscc, change(status, effectiveDate, document, note));
            return "/registry/enterprises/" + path(changed.uscc());
        });
    }

    @PostMapping("/registry/enterprises/{uscc}/equipment/{code}/status")
    @PreAuthorize(RegistryPageController.WRITERS)
    String changeEquipmentStatus(@PathVariable String uscc, @PathVariable String code,
            @RequestParam(required = false) String status, @RequestParam(required = false) String effectiveDate,
            @RequestParam(required = false) String document, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        Map<String, Object> form = Map.of("status", text(status), "effectiveDate", text(effectiveDate),
                "document", text(document), "note", text(note));
        String back = "/registry/enterprises/" + path(uscc) + "/equipment/" + path(code);
        return attempt(redirect, back, form, () -> {
            equipment.changeStatus(uscc, code, change(status, effectiveDate, document, note));
            return back;
        });
    }

    private StatusChange change(String status, String effectiveDate, String document, String note) {
        List<DomainException.FieldProblem> bad = new ArrayList<>();
        LocalDate date = date("effectiveDate", effectiveDate, bad);
        rejectIf(bad);
        return new StatusChange(status, date, blankToNull(document), blankToNull(note));
    }

    /**
     * Runs a change; a refusal comes back to {@code backTo} with its message, every field problem and the input, and
     * nothing is saved. "Not found" stays a 404 page: there is no form to go back to.
     */
    private String attempt(RedirectAttributes redirect, String backTo, Map<String, Object> form, Supplier<String> change) {
        try {
            String target = change.get();
            redirect.addFlashAttribute("saved", true);
            return "redirect:" + target;
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("failure", describe(e, messages));
            redirect.addFlashAttribute("problems", problems(e, messages));
            redirect.addFlashAttribute("form", form);
            return "redirect:" + backTo;
        }
    }

    /** The refusal in the page's language (the reasons of field problems are Chinese, as the validators give them). */
    static String describe(DomainException e, MessageSource messages) {
        if (!e.problems().isEmpty()) {
            return messages.getMessage("registry.form.problems", new Object[] {e.problems().size()},
                    LocaleContextHolder.getLocale());
        }
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }

    /** Each field problem as "field: reason", the field named as the form labels it. */
    static List<String> problems(DomainException e, MessageSource messages) {
        return e.problems().stream().map(p -> messages.getMessage("registry.problem",
                new Object[] {fieldLabel(p.field(), messages), p.reason()}, LocaleContextHolder.getLocale())).toList();
    }

    static String fieldLabel(String field, MessageSource messages) {
        if (field != null && field.startsWith("parameters.")) {
            String code = field.substring("parameters.".length());
            return RegistryPageController.label(messages, "param.", code, code);
        }
        return RegistryPageController.label(messages, "registry.field.", field, field);
    }

    private List<Region> regionsInScope() {
        return regions.all(false).stream().filter(r -> Actors.scope().coversRegion(r.path()))
                .sorted(java.util.Comparator.comparing(Region::path)).toList();
    }

    /** The parameters of the form: {@code param.x} fields, and false for a checkbox sent unticked. */
    static Map<String, Object> parameters(MultiValueMap<String, String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            if (name.startsWith(PARAM) && !values.isEmpty() && values.get(0) != null && !values.get(0).isBlank()) {
                out.put(name.substring(PARAM.length()), values.get(0).trim());
            }
        });
        fields.keySet().stream().filter(n -> n.startsWith(PARAM_MARKER)).map(n -> n.substring(PARAM_MARKER.length()))
                .forEach(code -> out.putIfAbsent(code, "false"));
        return out;
    }

    /** What the user typed, to fill the form again after a refusal. */
    private static Map<String, Object> kept(MultiValueMap<String, String> fields) {
        Map<String, Object> form = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            if (!name.equals("_csrf") && !name.startsWith(PARAM_MARKER)) {
                form.put(name, values.size() == 1 && !name.equals("industries") ? text(values.get(0)) : List.copyOf(values));
            }
        });
        return form;
    }

    private static List<String> codes(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.trim().split("[\\s,，;；、]+")).filter(s -> !s.isBlank()).toList();
    }

    private LocalDate date(String field, String text, List<DomainException.FieldProblem> bad) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            bad.add(new DomainException.FieldProblem(field, text, messages.getMessage("registry.error.date",
                    new Object[] {text}, LocaleContextHolder.getLocale())));
            return null;
        }
    }

    private BigDecimal number(String field, String text, List<DomainException.FieldProblem> bad) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            bad.add(new DomainException.FieldProblem(field, text, messages.getMessage("registry.error.number",
                    new Object[] {text}, LocaleContextHolder.getLocale())));
            return null;
        }
    }

    private static void rejectIf(List<DomainException.FieldProblem> bad) {
        if (!bad.isEmpty()) {
            throw DomainException.invalid(bad);
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String path(String segment) {
        return UriUtils.encodePathSegment(segment.trim(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
