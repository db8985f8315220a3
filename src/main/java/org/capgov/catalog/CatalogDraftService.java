package org.capgov.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.Actors;
import org.capgov.shared.Decimals;
import org.capgov.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Draft versions: a copy of the published version (at most one open draft), edits of single rules (limit, severity,
 * end date, withdrawal), the differences from the version it was copied from, publication and discarding. Every step
 * is audited; publication resets the cached published catalogue once the transaction has committed.
 */
@Service
class CatalogDraftService {

    static final List<String> SEVERITIES = List.of("VIOLATION", "ADVISORY");

    /** What to change in one rule; null = unchanged, effectiveTo "" = no end date, withdrawn false = restore. */
    record RuleEdit(Object limit, String severity, String effectiveTo, Boolean withdrawn) {
        boolean empty() {
            return limit == null && severity == null && effectiveTo == null && withdrawn == null;
        }
    }

    record FieldChange(String field, Object from, Object to) {
    }

    /** How a rule differs between two versions: CHANGED (with its fields), WITHDRAWN or ADDED. */
    record RuleDiff(String ruleId, String documentId, String kind, String change, List<FieldChange> fields) {
    }

    /**
     * A draft (or a version published from one) against the version it was copied from: rules and elimination
     * items, and (in {@code entries}) the source documents and targets it adds, changes or withdraws.
     */
    record Diff(CatalogVersion version, CatalogVersion basedOn, CatalogVersion published, boolean stale,
            List<RuleDiff> rules, List<CatalogChange> entries) {
    }

    record EditResult(String version, String ruleId, boolean changed, boolean withdrawn, CatalogRule rule,
            List<FieldChange> changes) {
    }

    private static final Map<String, Function<CatalogRule, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("limit", CatalogRule::limit);
        FIELDS.put("severity", CatalogRule::severity);
        FIELDS.put("effectiveTo", CatalogRule::effectiveTo);
        FIELDS.put("comparator", CatalogRule::comparator);
        FIELDS.put("unit", CatalogRule::unit);
        FIELDS.put("deadline", CatalogRule::deadline);
        FIELDS.put("effectiveFrom", CatalogRule::effectiveFrom);
        FIELDS.put("confidence", CatalogRule::confidence);
        FIELDS.put("when", CatalogRule::when);
        FIELDS.put("citation", CatalogRule::citation);
    }

    private final CatalogRepository repository;
    private final CatalogDraftRepository drafts;
    private final CatalogVersions versions;
    private final CatalogService catalog;
    private final AuditTrail audit;

    CatalogDraftService(CatalogRepository repository, CatalogDraftRepository drafts, CatalogVersions versions,
            CatalogService catalog, AuditTrail audit) {
        this.repository = repository;
        this.drafts = drafts;
        this.versions = versions;
        this.catalog = catalog;
        this.audit = audit;
    }

    /**
     * Copies the published version into a new draft. {@code expectedPublished}, when given, must be the label of the
     * published version (409 otherwise), so that nobody drafts from a version that has just been replaced.
     */
    @Transactional
    public CatalogVersion create(String expectedPublished) {
        repository.lock();
        drafts.openDraft().ifPresent(d -> {
            throw DomainException.conflict("error.catalog.draftExists", d.label());
        });
        CatalogVersion published = drafts.published()
                .orElseThrow(() -> DomainException.conflict("error.catalog.noPublished"));
        if (expectedPublished != null && !expectedPublished.isBlank()
                && !expectedPublished.trim().equals(published.label())) {
            throw DomainException.conflict("error.catalog.publishedMoved", expectedPublished.trim(), published.label());
        }
        String label = Integer.toString(repository.nextNumber());
        int id = drafts.insertDraft(label, published.id(), "草稿，复制自版本 " + published.label(), Actors.username());
        drafts.copyContent(published.id(), id);
        audit.record(new AuditEvent(AuditAction.CREATE, "catalog_version", label, null,
                "目录草稿 " + label + " 创建，复制自现行版本 " + published.label(), null,
                Map.of("version", label, "status", CatalogVersion.DRAFT, "basedOn", published.label())));
        return drafts.byLabel(label).orElseThrow();
    }

    @Transactional
    public EditResult edit(String label, String ruleId, RuleEdit edit) {
        if (edit == null || edit.empty()) {
            throw DomainException.invalid(null, "error.catalog.emptyEdit");
        }
        repository.lock();
        CatalogVersion draft = openDraft(label);
        CatalogRule rule = find(versions.content(draft), ruleId);
        if (rule == null) {
            return restore(draft, ruleId, edit);
        }
        if (Boolean.TRUE.equals(edit.withdrawn())) {
            if (edit.limit() != null || edit.severity() != null || edit.effectiveTo() != null) {
                throw DomainException.invalid("withdrawn", "error.catalog.withdrawAlone");
            }
            drafts.deleteRule(draft.id(), rule.id());
            audit.record(new AuditEvent(AuditAction.UPDATE, "catalog_rule", draft.label() + "/" + rule.id(), null,
                    "目录草稿 " + draft.label() + "：撤销规则 " + rule.id(), editable(rule, false),
                    Map.of("withdrawn", true)));
            return new EditResult(draft.label(), rule.id(), true, true, rule,
                    List.of(new FieldChange("withdrawn", false, true)));
        }
        CatalogRule changed = apply(rule, edit);
        List<FieldChange> changes = compare(rule, changed);
        if (changes.isEmpty()) {
            return new EditResult(draft.label(), rule.id(), false, false, rule, changes);
        }
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("limit", changed.limit());
        patch.put("severity", changed.severity());
        patch.put("effectiveTo", changed.effectiveTo() == null ? null : changed.effectiveTo().toString());
        drafts.patchRule(draft.id(), rule.id(), patch);
        audit.record(new AuditEvent(AuditAction.UPDATE, "catalog_rule", draft.label() + "/" + rule.id(), null,
                "目录草稿 " + draft.label() + "：修改规则 " + rule.id() + "（" + describe(changes) + "）",
                editable(rule, false), editable(changed, false)));
        return new EditResult(draft.label(), rule.id(), true, false, changed, changes);
    }

    /** withdrawn=false on a rule the draft no longer holds puts back the rule of the version it was copied from. */
    private EditResult restore(CatalogVersion draft, String ruleId, RuleEdit edit) {
        CatalogRule original = draft.basedOn() == null ? null : find(versions.byLabel(draft.basedOn()), ruleId);
        if (original == null) {
            throw DomainException.notFound("error.catalog.ruleNotInVersion", ruleId, draft.label());
        }
        if (!Boolean.FALSE.equals(edit.withdrawn()) || edit.limit() != null || edit.severity() != null
                || edit.effectiveTo() != null) {
            throw DomainException.invalid("withdrawn", "error.catalog.ruleWithdrawn", ruleId, draft.label());
        }
        drafts.copyRule(versions.get(draft.basedOn()).id(), draft.id(), ruleId);
        audit.record(new AuditEvent(AuditAction.UPDATE, "catalog_rule", draft.label() + "/" + ruleId, null,
                "目录草稿 " + draft.label() + "：恢复规则 " + ruleId, Map.of("withdrawn", true), editable(original, false)));
        return new EditResult(draft.label(), ruleId, true, false, original,
                List.of(new FieldChange("withdrawn", true, false)));
    }

    private static CatalogRule apply(CatalogRule rule, RuleEdit edit) {
        Object limit = rule.limit();
        if (edit.limit() != null) {
            if (rule.kind() == CatalogRule.Kind.ELIMINATION || rule.limit() == null) {
                throw DomainException.invalid("limit", "error.catalog.limitNotApplicable", rule.id());
            }
            limit = limit(rule, edit.limit());
        }
        String severity = rule.severity();
        if (edit.severity() != null) {
            severity = edit.severity().trim().toUpperCase(Locale.ROOT);
            if (!SEVERITIES.contains(severity)) {
                throw DomainException.invalid("severity", "error.catalog.severity", edit.severity());
            }
            if ("S".equals(rule.confidence()) && "VIOLATION".equals(severity) && !"VIOLATION".equals(rule.severity())) {
                throw DomainException.invalid("severity", "error.catalog.secondaryViolation", rule.id());
            }
        }
        LocalDate effectiveTo = rule.effectiveTo();
        if (edit.effectiveTo() != null) {
            effectiveTo = effectiveTo(rule, edit.effectiveTo().trim());
        }
        return new CatalogRule(rule.id(), rule.documentId(), rule.kind(), rule.dimension(), rule.industry(),
                rule.equipmentType(), rule.subject(), rule.metric(), rule.when(), rule.comparator(), limit, rule.unit(),
                severity, rule.deadline(), rule.effectiveFrom(), effectiveTo, rule.confidence(), rule.citation());
    }

    /** A number, or true / false for the boolean check-list rules (req_*). */
    private static Object limit(CatalogRule rule, Object raw) {
        if (rule.limit() instanceof Boolean) {
            if (raw instanceof Boolean b) {
                return b;
            }
            String s = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("false")) {
                return Boolean.valueOf(s);
            }
            throw DomainException.invalid("limit", "error.catalog.limitBoolean", rule.id(), String.valueOf(raw));
        }
        if (raw instanceof Boolean) {
            throw DomainException.invalid("limit", "error.catalog.limitNumber", rule.id(), String.valueOf(raw));
        }
        try {
            return Decimals.plain(new BigDecimal(String.valueOf(raw).trim()));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("limit", "error.catalog.limitNumber", rule.id(), String.valueOf(raw));
        }
    }

    private static LocalDate effectiveTo(CatalogRule rule, String raw) {
        if (raw.isEmpty()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("effectiveTo", "error.catalog.effectiveToFormat", raw);
        }
        if (rule.effectiveFrom() != null && date.isBefore(rule.effectiveFrom())) {
            throw DomainException.invalid("effectiveTo", "error.catalog.effectiveToBeforeFrom", date.toString(),
                    rule.effectiveFrom().toString());
        }
        return date;
    }

    public Diff diff(String label) {
        return diff(versions.get(label));
    }

    private Diff diff(CatalogVersion version) {
        if (version.basedOn() == null) {
            throw DomainException.conflict("error.catalog.notDraft", version.label());
        }
        CatalogVersion base = versions.get(version.basedOn());
        CatalogVersion published = drafts.published().orElse(null);
        boolean stale = version.draft() && published != null && !published.label().equals(base.label());
        Catalog before = versions.byLabel(base.label());
        Catalog after = versions.content(version);
        List<CatalogChange> entries = new ArrayList<>(CatalogDiffs.documentsAndTargets(before, after));
        entries.addAll(monitoredChanges(base, version));
        return new Diff(version, base, published, stale, compare(before, after), entries);
    }

    /** Monitored products (seed 000 二、（八）) added to or removed from a version, compared with its base. */
    private List<CatalogChange> monitoredChanges(CatalogVersion base, CatalogVersion version) {
        Map<String, MonitoredProduct> was = new LinkedHashMap<>();
        repository.monitoredProducts(base.id()).forEach(m -> was.put(m.id(), m));
        List<CatalogChange> out = new ArrayList<>();
        Map<String, MonitoredProduct> now = new LinkedHashMap<>();
        repository.monitoredProducts(version.id()).forEach(m -> now.put(m.id(), m));
        now.forEach((id, m) -> {
            if (!was.containsKey(id)) {
                out.add(new CatalogChange("MONITORED", id, m.documentId(), "ADDED", List.of()));
            }
        });
        was.forEach((id, m) -> {
            if (!now.containsKey(id)) {
                out.add(new CatalogChange("MONITORED", id, m.documentId(), "WITHDRAWN", List.of()));
            }
        });
        return out;
    }

    @Transactional
    public CatalogVersion publish(String label) {
        repository.lock();
        CatalogVersion draft = openDraft(label);
        Diff diff = diff(draft);
        if (diff.stale()) {
            throw DomainException.conflict("error.catalog.stale", label, draft.basedOn(), diff.published().label());
        }
        if (diff.rules().isEmpty() && diff.entries().isEmpty()) {
            throw DomainException.conflict("error.catalog.nothingToPublish", label);
        }
        repository.publish(draft.id(), Actors.username());
        List<Map<String, Object>> changes = new ArrayList<>();
        for (RuleDiff r : diff.rules()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("rule", r.ruleId());
            c.put("change", r.change());
            for (FieldChange f : r.fields()) {
                c.put(f.field(), Map.of("from", shown(f.from()), "to", shown(f.to())));
            }
            changes.add(c);
        }
        for (CatalogChange e : diff.entries()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put(e.entry().toLowerCase(Locale.ROOT), e.id());
            c.put("change", e.change());
            for (CatalogChange.Field f : e.fields()) {
                c.put(f.field(), Map.of("from", shown(f.from()), "to", shown(f.to())));
            }
            changes.add(c);
        }
        String before = diff.published() == null ? null : diff.published().label();
        audit.record(new AuditEvent(AuditAction.PUBLISH, "catalog_version", label, null,
                "目录草稿 " + label + " 发布为现行版本（替代版本 " + before + "）：" + summary(diff.rules())
                        + CatalogDiffs.summary(diff.entries()),
                before == null ? null : Map.of("version", before),
                Map.of("version", label, "basedOn", draft.basedOn(), "changes", changes)));
        afterCommit(catalog::published);
        return drafts.byLabel(label).orElseThrow();
    }

    @Transactional
    public CatalogVersion discard(String label) {
        repository.lock();
        CatalogVersion draft = openDraft(label);
        drafts.discard(draft.id(), "已放弃 / discarded by " + Actors.username());
        audit.record(new AuditEvent(AuditAction.UPDATE, "catalog_version", label, null, "目录草稿 " + label + " 已放弃",
                Map.of("version", label, "status", CatalogVersion.DRAFT),
                Map.of("version", label, "status", CatalogVersion.DISCARDED)));
        return drafts.byLabel(label).orElseThrow();
    }

    private CatalogVersion openDraft(String label) {
        CatalogVersion version = versions.get(label);
        if (!version.draft()) {
            throw DomainException.conflict("error.catalog.notDraft", label);
        }
        return version;
    }

    static CatalogRule find(Catalog catalogue, String ruleId) {
        return catalogue.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElse(null);
    }

    /** The rules that differ between two versions, by document and id. */
    static List<RuleDiff> compare(Catalog from, Catalog to) {
        Map<String, CatalogRule> before = new LinkedHashMap<>();
        from.rules().forEach(r -> before.put(r.id(), r));
        Map<String, CatalogRule> after = new LinkedHashMap<>();
        to.rules().forEach(r -> after.put(r.id(), r));
        List<RuleDiff> out = new ArrayList<>();
        for (CatalogRule r : before.values()) {
            CatalogRule now = after.get(r.id());
            if (now == null) {
                out.add(new RuleDiff(r.id(), r.documentId(), r.kind().name(), "WITHDRAWN", List.of()));
            } else {
                List<FieldChange> fields = compare(r, now);
                if (!fields.isEmpty()) {
                    out.add(new RuleDiff(r.id(), r.documentId(), r.kind().name(), "CHANGED", fields));
                }
            }
        }
        for (CatalogRule r : after.values()) {
            if (!before.containsKey(r.id())) {
                out.add(new RuleDiff(r.id(), r.documentId(), r.kind().name(), "ADDED", List.of()));
            }
        }
        out.sort(Comparator.comparing(RuleDiff::documentId).thenComparing(RuleDiff::ruleId));
        return out;
    }

    static List<FieldChange> compare(CatalogRule from, CatalogRule to) {
        List<FieldChange> out = new ArrayList<>();
        FIELDS.forEach((name, field) -> {
            Object a = field.apply(from);
            Object b = field.apply(to);
            boolean same = a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y) == 0 : Objects.equals(a, b);
            if (!same) {
                out.add(new FieldChange(name, a, b));
            }
        });
        return out;
    }

    private static Map<String, Object> editable(CatalogRule rule, boolean withdrawn) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("limit", rule.limit());
        m.put("severity", rule.severity());
        m.put("effectiveTo", rule.effectiveTo() == null ? null : rule.effectiveTo().toString());
        m.put("withdrawn", withdrawn);
        return m;
    }

    private static String describe(List<FieldChange> changes) {
        return String.join("，", changes.stream()
                .map(c -> c.field() + " " + shown(c.from()) + " → " + shown(c.to())).toList());
    }

    private static String shown(Object v) {
        return v == null ? "无" : v instanceof BigDecimal d ? Decimals.plain(d).toPlainString() : String.valueOf(v);
    }

    private static String summary(List<RuleDiff> rules) {
        long changed = rules.stream().filter(r -> r.change().equals("CHANGED")).count();
        long withdrawn = rules.stream().filter(r -> r.change().equals("WITHDRAWN")).count();
        long added = rules.stream().filter(r -> r.change().equals("ADDED")).count();
        List<String> parts = new ArrayList<>();
        for (RuleDiff r : rules) {
            parts.add(r.ruleId() + (r.fields().isEmpty() ? " " + r.change() : "（" + describe(r.fields()) + "）"));
        }
        return "修改 " + changed + " 条、撤销 " + withdrawn + " 条、新增 " + added + " 条：" + String.join("；", parts);
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
