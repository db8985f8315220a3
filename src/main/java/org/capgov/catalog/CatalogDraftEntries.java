package org.capgov.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.region.RegionService;
import org.capgov.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adding and replacing whole entries of a draft: rules and elimination items (with their applicability
 * conditions), targets and source documents. An edit is the stored entry with the given fields laid over it, checked
 * as a whole by {@link CatalogEntryChecks} (so an edit can never leave an entry that a new one could not be). Every
 * change is audited with the fields before and after; the draft's differences and the what-if show it before
 * publication.
 */
@Service
class CatalogDraftEntries {

    /** What an add or edit did: the entry as stored now and, for an edit, the fields that changed. */
    record EntryResult(String version, String entry, String id, boolean created, Object value,
            List<CatalogChange.Field> changes) {
    }

    private final CatalogRepository repository;
    private final CatalogDraftRepository drafts;
    private final CatalogVersions versions;
    private final RegionService regions;
    private final AuditTrail audit;
    private final JsonMapper json;

    CatalogDraftEntries(CatalogRepository repository, CatalogDraftRepository drafts, CatalogVersions versions,
            RegionService regions, AuditTrail audit, JsonMapper json) {
        this.repository = repository;
        this.drafts = drafts;
        this.versions = versions;
        this.regions = regions;
        this.audit = audit;
        this.json = json;
    }

    @Transactional
    public EntryResult addRule(String label, Map<String, Object> body) {
        repository.lock();
        CatalogVersion draft = openDraft(label);
        Catalog content = versions.content(draft);
        CatalogRule rule = CatalogEntryChecks.rule(body, content);
        requireNewId(content, rule.id());
        drafts.putEntry(draft.id(), "RULE", rule.id(), rule.documentId(), rule);
        String what = rule.kind() == CatalogRule.Kind.ELIMINATION ? "淘汰类条目" : "规则";
        audit.record(new AuditEvent(AuditAction.CREATE, "catalog_rule", draft.label() + "/" + rule.id(), null,
                "目录草稿 " + draft.label() + "：新增" + what + " " + rule.id(), null, fields(rule)));
        return new EntryResult(draft.label(), rule.kind().name(), rule.id(), true, rule, List.of());
    }

    @Transactional
    public EntryResult replaceRule(String label, String id, Map<String, Object> body) {
        repository.lock();
        CatalogVersion draft = openDraft(label);
        Catalog content = versions.content(draft);
        CatalogRule before = CatalogDraftService.find(content, id);
        if (before == null) {
            throw DomainException.notFound("error.catalog.ruleNotInVersion", id, draft.label());
        }
        Map<String, Object> merged = merge(fields(before), body, id);
        if (body.containsKey("parameter")) {
            merged.remove("metric");
        }
        if (!body.containsKey("effectiveFrom") && before.effectiveFrom() != null) {
            merged.put("effectiveFrom", before.effectiveFrom().toString());
        }
        CatalogRule after = CatalogEntryChecks.rule(merged, content);
        List<CatalogChange.Field> changes = CatalogDraftService.compare(before, after).stream()
                .map(f -> new CatalogChange.Field(f.field(), f.from(), f.to())).toList();
        if (!changes.isEmpty()) {
            drafts.putEntry(draft.id(), "RULE", after.id(), after.documentId(), after);
            audit.record(new AuditEvent(AuditAction.UPDATE, "catalog_rule", draft.label() + "/" + id, null,
                    "目录草稿 " + draft.label() + "：修改规则 " + id + "（" + describe(changes) + "）", fields(before),
                    fields(after)));
        }
        return new EntryResult(draft.label(), after.kind().name(), id, false, after, changes);
    }

    @Transactional
    public EntryResult addTarget(String label, Map<String, Object> body) {
        repository.lock();
        CatalogVersion draft = openDraft(label);
        Catalog content = versions.content(draft);
        Target target = CatalogEntryChecks.target(body, content, regionExists());
        requireNewId(content, target.id());
        drafts.putEntry(draft.id(), "TARGET", target.id(), target.documentId(), target);
        audit.record(new AuditEvent(AuditAction.CREATE, "catalog_target", draft.label() + "/" + target.id(), null,
                "目录草稿 " + draft.label() + "：新增目标 " + target.id(), null, fields(target)));
        return new EntryResult(draft.label(), "TARGET", target.id(), true, target, List.of());
    }

    @Transactional
    public EntryResult replaceTarget(String label, String id, Map<String, Object> body) {
        repository.lock();
        CatalogVersion draft = openDraft(label);
        Catalog content = versions.content(draft);
        Target before = content.targets().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> DomainException.notFound("error.catalogDrafts.targetNotInVersion", id, draft.label()));
        Target after = CatalogEntryChecks.target(merge(fields(before), body, id), content, regionExists());
        List<CatalogChange.Field> changes = changes("TARGET", content, before, after, id);
        if (!changes.isEmpty()) {
            drafts.putEntry(draft.id(), "TARGET", id, after.documentId(), after);
            audit.record(new AuditEvent(AuditAction.UPDATE, "catalog_target", draft.label() + "/" + id, null,
                    "目录草稿 " + draft.label() + "：修改目标 " + id + "（" + describe(changes) + "）", fields(before),
                    fields(after)));
        }
        return new EntryResult(draft.label(), "TARGET", id, false, after, changes);
    }

    @Transactional
    public EntryResult addDocument(String label, Map<String, Object> body) {
        repository.lock();
        CatalogVersion draft = openDraft(label);
        Catalog content = versions.content(draft);
        SourceDocument document = CatalogEntryChecks.document(body, content, regionExists());
        if (content.documents().containsKey(document.id())) {
            throw DomainException.invalid("id", "error.catalogDrafts.idTaken", document.id());
        }
        drafts.putEntry(draft.id(), "DOCUMENT", document.id(), document.id(), document);
        audit.record(new AuditEvent(AuditAction.CREATE, "catalog_document", draft.label() + "/" + document.id(), null,
                "目录草稿 " + draft.label() + "：新增依据文件 " + document.number(), null, fields(document)));
        return new EntryResult(draft.label(), "DOCUMENT", document.id(), true, document, List.of());
    }

    @Transactional
    public EntryResult replaceDocument(String label, String id, Map<String, Object> body) {
        repository.lock();
        CatalogVersion draft = openDraft(label);
        Catalog content = versions.content(draft);
        SourceDocument before = content.documents().get(id);
        if (before == null) {
            throw DomainException.notFound("error.catalog.documentNotFound", id, draft.label());
        }
        SourceDocument after = CatalogEntryChecks.document(merge(fields(before), body, id), content, regionExists());
        List<CatalogChange.Field> changes = changes("DOCUMENT", content, before, after, id);
        if (!changes.isEmpty()) {
            drafts.putEntry(draft.id(), "DOCUMENT", id, id, after);
            if (!after.number().equals(before.number())) {
                drafts.renumberCitations(draft.id(), id, after.number());
            }
            audit.record(new AuditEvent(AuditAction.UPDATE, "catalog_document", draft.label() + "/" + id, null,
                    "目录草稿 " + draft.label() + "：修改依据文件 " + id + "（" + describe(changes) + "）", fields(before),
                    fields(after)));
        }
        return new EntryResult(draft.label(), "DOCUMENT", id, false, after, changes);
    }

    /** The stored fields with the given ones laid over them; the id comes from the path and cannot change. */
    private Map<String, Object> merge(Map<String, Object> stored, Map<String, Object> body, String id) {
        if (body == null || body.isEmpty()) {
            throw DomainException.invalid(null, "error.catalog.emptyEdit");
        }
        Object given = body.get("id");
        if (given != null && !id.equals(String.valueOf(given).strip())) {
            throw DomainException.invalid("id", "error.catalogDrafts.idFixed", id);
        }
        Map<String, Object> merged = new LinkedHashMap<>(stored);
        merged.putAll(body);
        merged.put("id", id);
        return merged;
    }

    /** Field changes of a document or target, the same way the draft's differences show them. */
    private static <T> List<CatalogChange.Field> changes(String entry, Catalog content, T before, T after, String id) {
        Catalog was = new Catalog("a", content.documents(), List.of(), content.targets());
        Map<String, SourceDocument> documents = new LinkedHashMap<>(content.documents());
        List<Target> targets = new java.util.ArrayList<>(content.targets());
        if (after instanceof SourceDocument d) {
            documents.put(id, d);
        } else if (after instanceof Target t) {
            targets.replaceAll(x -> x.id().equals(id) ? t : x);
        }
        Catalog now = new Catalog("b", documents, List.of(), targets);
        return CatalogDiffs.documentsAndTargets(was, now).stream()
                .filter(c -> c.entry().equals(entry) && c.id().equals(id)).findFirst()
                .map(CatalogChange::fields).orElse(List.of());
    }

    /** Adds a product to the monitored list of seed 000 二、（八）; once published, the warnings evaluate it too. */
    @Transactional
    public EntryResult addMonitoredProduct(String label, Map<String, Object> body) {
        repository.lock();
        CatalogVersion draft = openDraft(label);
        MonitoredProduct entry = MonitoredProductChecks.entry(body, versions.content(draft));
        if (repository.monitoredProducts(draft.id()).stream().anyMatch(m -> m.id().equals(entry.id()))) {
            throw DomainException.invalid("product", "error.catalogDrafts.monitoredTaken", entry.product());
        }
        drafts.putEntry(draft.id(), "MONITORED", entry.id(), entry.documentId(), entry);
        audit.record(new AuditEvent(AuditAction.CREATE, "catalog_monitored_product", draft.label() + "/" + entry.id(),
                null, "目录草稿 " + draft.label() + "：新增监测产品 " + entry.product(), null, fields(entry)));
        return new EntryResult(draft.label(), "MONITORED", entry.id(), true, entry, List.of());
    }

    private void requireNewId(Catalog content, String id) {
        boolean taken = content.rules().stream().anyMatch(r -> r.id().equals(id))
                || content.targets().stream().anyMatch(t -> t.id().equals(id));
        if (taken) {
            throw DomainException.invalid("id", "error.catalogDrafts.idTaken", id);
        }
    }

    private CatalogVersion openDraft(String label) {
        CatalogVersion version = versions.get(label);
        if (!version.draft()) {
            throw DomainException.conflict("error.catalog.notDraft", label);
        }
        return version;
    }

    private Predicate<String> regionExists() {
        return code -> {
            try {
                regions.get(code);
                return true;
            } catch (DomainException e) {
                return false;
            }
        };
    }

    private Map<String, Object> fields(Object entry) {
        return CatalogEntryChecks.fields(entry, json);
    }

    private static String describe(List<CatalogChange.Field> changes) {
        return String.join("，", changes.stream().map(c -> c.field() + " " + shown(c.from()) + " → " + shown(c.to())).toList());
    }

    private static String shown(Object v) {
        return v == null ? "无" : v instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }
}
