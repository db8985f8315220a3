package org.capgov.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.shared.DomainException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue over JSON: versions, the content of a version (the published one unless {@code version} names
 * another), single rules with the versions that hold them, coverage per source document, and draft editing.
 */
@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "catalog", description = "Standards catalogue, versions and drafts 标准目录、版本与草稿")
class CatalogApiController {

    static final String EDITORS = "hasAnyRole('ADMIN','COORDINATOR')";
    private static final Set<String> EDIT_FIELDS = Set.of("limit", "severity", "effectiveTo", "withdrawn");

    record CatalogView(CatalogVersion version, List<SourceDocument> documents, List<CatalogRule> rules,
            List<Target> targets) {
    }

    record RuleVersion(String version, String state, Object limit, String severity, LocalDate effectiveTo) {
    }

    record RuleView(CatalogVersion version, CatalogRule rule, SourceDocument document, List<RuleVersion> versions) {
    }

    record CoverageView(CatalogVersion version, List<CatalogCoverage.DocumentCoverage> documents,
            CatalogCoverage.DocumentCoverage totals) {
    }

    private final CatalogVersions versions;
    private final CatalogDraftService drafts;
    private final CatalogDraftEntries entries;

    CatalogApiController(CatalogVersions versions, CatalogDraftService drafts, CatalogDraftEntries entries) {
        this.entries = entries;
        this.versions = versions;
        this.drafts = drafts;
    }

    @GetMapping("/versions")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Catalog versions, newest first 目录版本列表")
    List<CatalogVersion> versions() {
        return versions.list();
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The published catalogue (or ?version=): documents, rules, elimination items, targets 目录内容")
    CatalogView catalogue(@RequestParam(required = false) String version) {
        CatalogVersion v = versions.visible(version);
        Catalog c = versions.content(v);
        return new CatalogView(v, List.copyOf(c.documents().values()), c.rules(), c.targets());
    }

    @GetMapping("/rules/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One rule or elimination item of the published version (or ?version=), with the versions "
            + "that hold it 单条规则")
    RuleView rule(@PathVariable String id, @RequestParam(required = false) String version) {
        CatalogVersion v = versions.visible(version);
        Catalog c = versions.content(v);
        CatalogRule rule = CatalogDraftService.find(c, id);
        if (rule == null) {
            throw DomainException.notFound("error.catalog.ruleNotInVersion", id, v.label());
        }
        Map<String, CatalogVersion> byLabel = new java.util.HashMap<>();
        versions.list().forEach(x -> byLabel.put(x.label(), x));
        List<RuleVersion> history = new ArrayList<>();
        for (CatalogDraftRepository.RuleInVersion r : versions.history(id)) {
            CatalogVersion x = byLabel.get(r.label());
            history.add(new RuleVersion(r.label(), x == null ? null : x.state(), r.rule().limit(), r.rule().severity(),
                    r.rule().effectiveTo()));
        }
        return new RuleView(v, rule, c.documents().get(rule.documentId()), history);
    }

    @GetMapping("/coverage")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Per source document: rules by dimension, elimination items, targets, S / C counts 目录覆盖")
    CoverageView coverage(@RequestParam(required = false) String version) {
        CatalogVersion v = versions.visible(version);
        CatalogCoverage coverage = CatalogCoverage.of(versions.content(v));
        return new CoverageView(v, coverage.documents(), coverage.totals());
    }

    @PostMapping("/drafts")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Copy the published version into a new draft (one open draft at most; 409 otherwise). "
            + "basedOn, when given, must be the published label 创建草稿")
    ResponseEntity<CatalogVersion> createDraft(@RequestParam(required = false) String basedOn) {
        CatalogVersion draft = drafts.create(basedOn);
        return ResponseEntity.created(URI.create("/api/v1/catalog/drafts/" + draft.label() + "/diff")).body(draft);
    }

    @PutMapping("/drafts/{label}/rules/{id}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Change a rule of a draft: {limit, severity, effectiveTo, withdrawn}. Absent or null = "
            + "unchanged; effectiveTo \"\" = no end date; withdrawn true removes the rule from the draft, false puts "
            + "it back. Any other field of the data-file format (when, comparator, unit, citation, …) edits the whole "
            + "rule: the fields given are laid over the stored rule and checked as a new rule would be 修改草稿中的规则")
    Object edit(@PathVariable String label, @PathVariable String id,
            @RequestBody(required = false) Map<String, Object> body) {
        if (body != null && !EDIT_FIELDS.containsAll(body.keySet())) {
            return entries.replaceRule(label, id, body);
        }
        return drafts.edit(label, id, edit(body));
    }

    @PostMapping("/drafts/{label}/publish")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Publish a draft (audited); 409 when it is not a draft, holds no change, or the published "
            + "version has changed since it was copied 发布草稿")
    CatalogVersion publish(@PathVariable String label) {
        return drafts.publish(label);
    }

    @PostMapping("/drafts/{label}/discard")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Give up a draft (audited; the label is not reused) 放弃草稿")
    CatalogVersion discard(@PathVariable String label) {
        return drafts.discard(label);
    }

    @GetMapping("/drafts/{label}/diff")
    @PreAuthorize(EDITORS)
    @Operation(summary = "The rules a draft changes, withdraws or adds against the version it was copied from 草稿差异")
    CatalogDraftService.Diff diff(@PathVariable String label) {
        return drafts.diff(label);
    }

    /** The JSON body as an edit: unknown fields and values of the wrong type are refused naming the field. */
    static CatalogDraftService.RuleEdit edit(Map<String, Object> body) {
        if (body == null) {
            return new CatalogDraftService.RuleEdit(null, null, null, null);
        }
        for (String key : body.keySet()) {
            if (!EDIT_FIELDS.contains(key)) {
                throw DomainException.invalid(key, "error.catalog.unknownField", key);
            }
        }
        Object severity = body.get("severity");
        if (severity != null && !(severity instanceof String)) {
            throw DomainException.invalid("severity", "error.catalog.severity", String.valueOf(severity));
        }
        Object effectiveTo = body.get("effectiveTo");
        if (effectiveTo != null && !(effectiveTo instanceof String)) {
            throw DomainException.invalid("effectiveTo", "error.catalog.effectiveToFormat", String.valueOf(effectiveTo));
        }
        Object withdrawn = body.get("withdrawn");
        if (withdrawn != null && !(withdrawn instanceof Boolean)) {
            throw DomainException.invalid("withdrawn", "error.catalog.withdrawnBoolean", String.valueOf(withdrawn));
        }
        return new CatalogDraftService.RuleEdit(body.get("limit"), (String) severity, (String) effectiveTo,
                (Boolean) withdrawn);
    }
}
