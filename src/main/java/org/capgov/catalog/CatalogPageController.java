package org.capgov.catalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.capgov.region.Region;
import org.capgov.region.RegionService;
import org.capgov.shared.Dimension;
import org.capgov.shared.DomainException;
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
 * Catalog pages: coverage per source document with the versions, a document with all its rules, one rule with its
 * citation and history, the targets, and draft editing (ADMIN, COORDINATOR). Reading is open to every logged-in role.
 */
@Controller
class CatalogPageController {

    static final String EDITORS = CatalogApiController.EDITORS;

    /** A rule as a version holds it, for the history table of the rule page. */
    record HistoryRow(CatalogVersion version, CatalogRule rule) {
    }

    private final CatalogVersions versions;
    private final CatalogDraftService drafts;
    private final RegionService regions;
    private final MessageSource messages;
    private final CatalogReadings readings;

    CatalogPageController(CatalogVersions versions, CatalogDraftService drafts, RegionService regions,
            MessageSource messages, CatalogReadings readings) {
        this.versions = versions;
        this.drafts = drafts;
        this.regions = regions;
        this.messages = messages;
        this.readings = readings;
    }

    @GetMapping("/catalog")
    @PreAuthorize("isAuthenticated()")
    String coverage(Model model) {
        CatalogVersion published = versions.visible(null);
        model.addAttribute("published", published);
        model.addAttribute("coverage", CatalogCoverage.of(versions.content(published)));
        model.addAttribute("versions", versions.list());
        model.addAttribute("openDraft", versions.openDraft().orElse(null));
        model.addAttribute("dimensions", Dimension.values());
        model.addAttribute("regionNames", regionNames());
        model.addAttribute("unconfirmedZones", regions.unconfirmedAirZones());
        model.addAttribute("readingsByDoc", readings.byDoc());
        return "catalog/coverage";
    }

    @GetMapping("/catalog/documents/{id}")
    @PreAuthorize("isAuthenticated()")
    String document(@PathVariable String id, @RequestParam(required = false) String version, Model model) {
        CatalogVersion v = versions.visible(version);
        Catalog c = versions.content(v);
        SourceDocument document = c.documents().get(id);
        if (document == null) {
            throw DomainException.notFound("error.catalog.documentNotFound", id, v.label());
        }
        Comparator<CatalogRule> order = Comparator.comparingInt((CatalogRule r) -> dimensionOrder(r.dimension()))
                .thenComparing(CatalogRule::id);
        model.addAttribute("version", v);
        model.addAttribute("document", document);
        model.addAttribute("rules", c.limits().stream().filter(r -> id.equals(r.documentId())).sorted(order).toList());
        model.addAttribute("eliminations",
                c.eliminations().stream().filter(r -> id.equals(r.documentId())).sorted(order).toList());
        model.addAttribute("consequences",
                c.consequences().stream().filter(r -> id.equals(r.documentId())).sorted(order).toList());
        model.addAttribute("targets", c.targets().stream().filter(t -> id.equals(t.documentId()))
                .sorted(Comparator.comparing(Target::id)).toList());
        model.addAttribute("regionNames", regionNames());
        return "catalog/document";
    }

    @GetMapping("/catalog/rules/{id}")
    @PreAuthorize("isAuthenticated()")
    String rule(@PathVariable String id, @RequestParam(required = false) String version, Model model) {
        CatalogVersion v = versions.visible(version);
        CatalogRule rule = CatalogDraftService.find(versions.content(v), id);
        Map<String, CatalogVersion> byLabel = new HashMap<>();
        versions.list().forEach(x -> byLabel.put(x.label(), x));
        List<HistoryRow> history = new ArrayList<>();
        for (CatalogDraftRepository.RuleInVersion r : versions.history(id)) {
            history.add(new HistoryRow(byLabel.get(r.label()), r.rule()));
        }
        CatalogVersion shownFrom = v;
        boolean withdrawnInDraft = false;
        if (rule == null) {
            if (v.draft() && v.basedOn() != null) {
                rule = CatalogDraftService.find(versions.byLabel(v.basedOn()), id);
                withdrawnInDraft = rule != null;
            }
            if (rule == null) {
                HistoryRow latest = history.stream().filter(h -> h.version() != null && !h.version().draft())
                        .findFirst().orElseThrow(() -> DomainException.notFound("error.catalog.ruleNotFound", id));
                rule = latest.rule();
                shownFrom = latest.version();
            }
        }
        model.addAttribute("version", v);
        model.addAttribute("shownFrom", shownFrom);
        model.addAttribute("rule", rule);
        model.addAttribute("withdrawnInDraft", withdrawnInDraft);
        model.addAttribute("document", versions.content(shownFrom).documents().get(rule.documentId()));
        model.addAttribute("history", history);
        model.addAttribute("openDraft", versions.openDraft().orElse(null));
        model.addAttribute("severities", CatalogDraftService.SEVERITIES);
        return "catalog/rule";
    }

    @GetMapping("/catalog/targets")
    @PreAuthorize("isAuthenticated()")
    String targets(@RequestParam(required = false) String region, @RequestParam(required = false) String industry,
            @RequestParam(required = false) String kind, Model model) {
        CatalogVersion v = versions.visible(null);
        Catalog c = versions.content(v);
        List<Target> all = c.targets();
        model.addAttribute("version", v);
        model.addAttribute("targets", all.stream()
                .filter(t -> blank(region) || region.equals(t.region()))
                .filter(t -> blank(industry) || industry.equals(t.industry()))
                .filter(t -> blank(kind) || kind.equals(t.kind()))
                .sorted(Comparator.comparing(Target::region, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                        .thenComparing(Target::industry, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                        .thenComparing(Target::deadline, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                        .thenComparing(Target::id))
                .toList());
        model.addAttribute("regionOptions", all.stream().map(Target::region).filter(r -> r != null).distinct().sorted().toList());
        model.addAttribute("industryOptions",
                all.stream().map(Target::industry).filter(r -> r != null).distinct().sorted().toList());
        model.addAttribute("kindOptions", all.stream().map(Target::kind).distinct().sorted().toList());
        model.addAttribute("region", region);
        model.addAttribute("industry", industry);
        model.addAttribute("kind", kind);
        model.addAttribute("documents", c.documents());
        model.addAttribute("regionNames", regionNames());
        return "catalog/targets";
    }

    @PostMapping("/catalog/drafts")
    @PreAuthorize(EDITORS)
    String createDraft(@RequestParam(required = false) String basedOn, RedirectAttributes redirect) {
        return attempt(redirect, "/catalog", () -> "/catalog/drafts/" + drafts.create(basedOn).label());
    }

    @GetMapping("/catalog/drafts/{label}")
    @PreAuthorize(EDITORS)
    String draft(@PathVariable String label, @RequestParam(required = false) String rule, Model model) {
        if (!blank(rule)) {
            return "redirect:/catalog/rules/" + enc(rule.trim()) + "?version=" + enc(label);
        }
        CatalogVersion draft = versions.get(label);
        if (draft.basedOn() == null) {
            throw DomainException.notFound("error.catalog.versionNotFound", label);
        }
        CatalogDraftService.Diff diff = drafts.diff(label);
        Catalog content = versions.content(draft);
        model.addAttribute("diff", diff);
        model.addAttribute("draft", draft);
        model.addAttribute("documents", CatalogCoverage.of(content).documents());
        model.addAttribute("ruleIds", content.rules().stream().map(CatalogRule::id).sorted().toList());
        return "catalog/draft";
    }

    @PostMapping("/catalog/drafts/{label}/rules/{id}")
    @PreAuthorize(EDITORS)
    String edit(@PathVariable String label, @PathVariable String id, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String severity, @RequestParam(required = false) String effectiveTo,
            @RequestParam(required = false) Boolean withdrawn, RedirectAttributes redirect) {
        String back = "/catalog/rules/" + enc(id) + "?version=" + enc(label);
        CatalogDraftService.RuleEdit edit = withdrawn != null
                ? new CatalogDraftService.RuleEdit(null, null, null, withdrawn)
                : new CatalogDraftService.RuleEdit(blank(limit) ? null : limit, blank(severity) ? null : severity,
                        effectiveTo, null);
        return attempt(redirect, back, () -> {
            CatalogDraftService.EditResult result = drafts.edit(label, id, edit);
            if (!result.changed()) {
                redirect.addFlashAttribute("unchanged", true);
            }
            return back;
        });
    }

    @PostMapping("/catalog/drafts/{label}/publish")
    @PreAuthorize(EDITORS)
    String publish(@PathVariable String label, RedirectAttributes redirect) {
        return attempt(redirect, "/catalog/drafts/" + enc(label), () -> {
            drafts.publish(label);
            redirect.addFlashAttribute("publishedLabel", label);
            return "/catalog";
        });
    }

    @PostMapping("/catalog/drafts/{label}/discard")
    @PreAuthorize(EDITORS)
    String discard(@PathVariable String label, RedirectAttributes redirect) {
        return attempt(redirect, "/catalog/drafts/" + enc(label), () -> {
            drafts.discard(label);
            return "/catalog";
        });
    }

    /** Runs a change; a refusal comes back to the page as a message, and nothing is saved. */
    private String attempt(RedirectAttributes redirect, String backTo, Supplier<String> change) {
        try {
            String target = change.get();
            redirect.addFlashAttribute("saved", true);
            return "redirect:" + target;
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                    LocaleContextHolder.getLocale()));
            return "redirect:" + (e.status() == 404 ? "/catalog" : backTo);
        }
    }

    private Map<String, String> regionNames() {
        Map<String, String> names = new HashMap<>();
        boolean zh = "zh".equals(LocaleContextHolder.getLocale().getLanguage());
        for (Region r : regions.all(true)) {
            names.put(r.code(), zh || r.nameEn() == null ? r.name() : r.nameEn());
        }
        return names;
    }

    private static int dimensionOrder(String dimension) {
        for (Dimension d : Dimension.values()) {
            if (d.name().equals(dimension)) {
                return d.ordinal();
            }
        }
        return Dimension.values().length;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
