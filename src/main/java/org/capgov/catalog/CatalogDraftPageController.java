package org.capgov.catalog;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Draft pages for whole entries: new and edited rules and elimination items (with their conditions), targets and
 * source documents, one form page per entry. A refused form comes back with the values entered and the Chinese
 * reason beside each field at fault; nothing is stored.
 */
@Controller
class CatalogDraftPageController {

    private final CatalogDraftEntries entries;
    private final CatalogVersions versions;
    private final MessageSource messages;
    private final JsonMapper json;

    CatalogDraftPageController(CatalogDraftEntries entries, CatalogVersions versions, MessageSource messages,
            JsonMapper json) {
        this.entries = entries;
        this.versions = versions;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/catalog/drafts/{label}/rules/new")
    @PreAuthorize(CatalogApiController.EDITORS)
    String newRule(@PathVariable String label, @RequestParam(required = false) String kind, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("kind", "ELIMINATION".equals(kind) ? "ELIMINATION" : "RULE");
        values.put("severity", "VIOLATION");
        values.put("confidence", "V");
        return form(model, label, "rule", null, CatalogDraftForms.RULE, values, List.of());
    }

    @GetMapping("/catalog/drafts/{label}/rules/{id}/edit")
    @PreAuthorize(CatalogApiController.EDITORS)
    String editRule(@PathVariable String label, @PathVariable String id, Model model) {
        CatalogRule rule = CatalogDraftService.find(draftContent(label), id);
        if (rule == null) {
            throw DomainException.notFound("error.catalog.ruleNotInVersion", id, label);
        }
        return form(model, label, "rule", id, CatalogDraftForms.RULE, stored(rule), List.of());
    }

    @PostMapping("/catalog/drafts/{label}/rules")
    @PreAuthorize(CatalogApiController.EDITORS)
    String addRule(@PathVariable String label, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return save(model, label, "rule", null, CatalogDraftForms.RULE, form, response, redirect,
                body -> entries.addRule(label, body));
    }

    @PostMapping("/catalog/drafts/{label}/rules/{id}/edit")
    @PreAuthorize(CatalogApiController.EDITORS)
    String replaceRule(@PathVariable String label, @PathVariable String id, @RequestParam Map<String, String> form,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return save(model, label, "rule", id, CatalogDraftForms.RULE, form, response, redirect,
                body -> entries.replaceRule(label, id, body));
    }

    @GetMapping("/catalog/drafts/{label}/targets/new")
    @PreAuthorize(CatalogApiController.EDITORS)
    String newTarget(@PathVariable String label, Model model) {
        return form(model, label, "target", null, CatalogDraftForms.TARGET, new LinkedHashMap<>(Map.of("confidence", "V")),
                List.of());
    }

    @GetMapping("/catalog/drafts/{label}/targets/{id}/edit")
    @PreAuthorize(CatalogApiController.EDITORS)
    String editTarget(@PathVariable String label, @PathVariable String id, Model model) {
        Target target = draftContent(label).targets().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> DomainException.notFound("error.catalogDrafts.targetNotInVersion", id, label));
        return form(model, label, "target", id, CatalogDraftForms.TARGET, stored(target), List.of());
    }

    @PostMapping("/catalog/drafts/{label}/targets")
    @PreAuthorize(CatalogApiController.EDITORS)
    String addTarget(@PathVariable String label, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return save(model, label, "target", null, CatalogDraftForms.TARGET, form, response, redirect,
                body -> entries.addTarget(label, body));
    }

    @PostMapping("/catalog/drafts/{label}/targets/{id}/edit")
    @PreAuthorize(CatalogApiController.EDITORS)
    String replaceTarget(@PathVariable String label, @PathVariable String id, @RequestParam Map<String, String> form,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return save(model, label, "target", id, CatalogDraftForms.TARGET, form, response, redirect,
                body -> entries.replaceTarget(label, id, body));
    }

    @GetMapping("/catalog/drafts/{label}/documents/new")
    @PreAuthorize(CatalogApiController.EDITORS)
    String newDocument(@PathVariable String label, Model model) {
        return form(model, label, "document", null, CatalogDraftForms.DOCUMENT, new LinkedHashMap<>(), List.of());
    }

    @GetMapping("/catalog/drafts/{label}/documents/{id}/edit")
    @PreAuthorize(CatalogApiController.EDITORS)
    String editDocument(@PathVariable String label, @PathVariable String id, Model model) {
        SourceDocument document = draftContent(label).documents().get(id);
        if (document == null) {
            throw DomainException.notFound("error.catalog.documentNotFound", id, label);
        }
        return form(model, label, "document", id, CatalogDraftForms.DOCUMENT, stored(document), List.of());
    }

    @PostMapping("/catalog/drafts/{label}/documents")
    @PreAuthorize(CatalogApiController.EDITORS)
    String addDocument(@PathVariable String label, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return save(model, label, "document", null, CatalogDraftForms.DOCUMENT, form, response, redirect,
                body -> entries.addDocument(label, body));
    }

    @PostMapping("/catalog/drafts/{label}/documents/{id}/edit")
    @PreAuthorize(CatalogApiController.EDITORS)
    String replaceDocument(@PathVariable String label, @PathVariable String id, @RequestParam Map<String, String> form,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return save(model, label, "document", id, CatalogDraftForms.DOCUMENT, form, response, redirect,
                body -> entries.replaceDocument(label, id, body));
    }

    private interface Change {
        CatalogDraftEntries.EntryResult apply(Map<String, Object> body);
    }

    private String save(Model model, String label, String entry, String id, List<String> fields,
            Map<String, String> form, HttpServletResponse response, RedirectAttributes redirect, Change change) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> body = CatalogDraftForms.body(fields, form, problems);
        if (id != null) {
            body.remove("id");
        }
        try {
            if (problems.isEmpty()) {
                CatalogDraftEntries.EntryResult result = change.apply(body);
                redirect.addFlashAttribute("saved", true);
                String back = "rule".equals(entry) ? "/catalog/rules/" + enc(result.id()) + "?version=" + enc(label)
                        : "/catalog/drafts/" + enc(label);
                return "redirect:" + back;
            }
        } catch (DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            if (e.problems() != null && !e.problems().isEmpty()) {
                problems.addAll(e.problems());
            } else {
                problems.add(new FieldProblem(e.field() == null ? "" : e.field(), "",
                        messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale())));
            }
        }
        response.setStatus(400);
        Map<String, String> values = new LinkedHashMap<>(form);
        if (id != null) {
            values.put("id", id);
        }
        return form(model, label, entry, id, fields, values, problems);
    }

    private String form(Model model, String label, String entry, String id, List<String> fields,
            Map<String, String> values, List<FieldProblem> problems) {
        CatalogVersion draft = versions.get(label);
        if (!draft.draft()) {
            throw DomainException.conflict("error.catalog.notDraft", label);
        }
        List<String> documentIds = new ArrayList<>(versions.content(draft).documents().keySet());
        model.addAttribute("draft", draft);
        model.addAttribute("entry", entry);
        model.addAttribute("entryId", id);
        model.addAttribute("fields", CatalogDraftForms.form(fields, values, problems, documentIds, id != null));
        model.addAttribute("problems", problems);
        model.addAttribute("metricCodes", CatalogDraftForms.metricCodes());
        String base = "/catalog/drafts/" + enc(label) + "/" + entry + "s";
        model.addAttribute("action", id == null ? base : base + "/" + enc(id) + "/edit");
        return "catalog/draft-entry";
    }

    private Catalog draftContent(String label) {
        CatalogVersion draft = versions.get(label);
        if (!draft.draft()) {
            throw DomainException.conflict("error.catalog.notDraft", label);
        }
        return versions.content(draft);
    }

    private Map<String, String> stored(Object entry) {
        return CatalogDraftForms.values(CatalogEntryChecks.fields(entry, json));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
