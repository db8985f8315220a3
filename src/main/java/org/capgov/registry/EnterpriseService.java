package org.capgov.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.Actors;
import org.capgov.shared.DataScope;
import org.capgov.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.capgov.registry.validation.ValidEnterprise;
import org.capgov.registry.validation.EnterpriseValidator;
import org.capgov.registry.validation.Violations;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/**
 * Creates, changes and reads enterprises within the caller's scope. Each change is validated in full first, then
 * stored with its audit entry in one transaction.
 */
@Service
public class EnterpriseService {

    /** A document number (文号) is short; it is shown on the public page. */
    static final int MAX_STATUS_DOCUMENT = 100;
    static final int MAX_STATUS_NOTE = 2000;

    private final EnterpriseRepository enterprises;
    private final RegionDirectory regions;
    private final AuditTrail audit;
    private final Clock clock;
    private final EquipmentFollowsEnterprise follows;

    EnterpriseService(Clock clock, EnterpriseRepository enterprises,
            RegionDirectory regions, AuditTrail audit, EquipmentFollowsEnterprise follows) {
        this.clock = clock;
        this.follows = follows;
        this.enterprises = enterprises;
        this.regions = regions;
        this.audit = audit;
    }

    /** A status change's date in the plausible years, its document number and note within their lengths. */
    static void checkStatusChange(StatusChange change, LocalDate date) {
        org.capgov.shared.PlausibleInput.dateProblem(date).ifPresent(r -> {
            throw DomainException.invalid(java.util.List.of(new DomainException.FieldProblem("effectiveDate",
                    date.toString(), r)));
        });
        // the document number is shown on the public page; a note is read beside it
        if (change.document() != null && change.document().length() > MAX_STATUS_DOCUMENT) {
            throw DomainException.invalid(java.util.List.of(new DomainException.FieldProblem("document",
                    change.document().substring(0, 20) + "…", "文号过长（最多 " + MAX_STATUS_DOCUMENT + " 字）")));
        }
        if (change.note() != null && change.note().length() > MAX_STATUS_NOTE) {
            throw DomainException.invalid(java.util.List.of(new DomainException.FieldProblem("note",
                    change.note().substring(0, 20) + "…", "说明过长（最多 " + MAX_STATUS_NOTE + " 字）")));
        }
    }

    public Enterprise get(String uscc) {
        String code = uscc == null ? "" : uscc.trim().toUpperCase(Locale.ROOT);
        return enterprises.find(code, Actors.scope())
                .orElseThrow(() -> DomainException.notFound("error.enterprise.notFound", code));
    }

    public EnterpriseRepository.Page search(EnterpriseFilter filter, int page, int size) {
        EnterpriseFilter f = checked(filter);
        DataScope scope = Actors.scope();
        EnterpriseRepository.Subtree region = regionPath(f.region());
        if (region == null && EnterpriseTally.covers(f, scope)) {
            // an industry everywhere is read region by region from enterprise_industry like any subtree
            region = new EnterpriseRepository.Subtree("/", regions.allPaths());
        }
        return enterprises.search(f, region, scope, page, size);
    }

    @Transactional(readOnly = true)
    public void export(EnterpriseFilter filter, java.util.function.Consumer<Enterprise> sink) {
        enterprises.stream(checked(filter), regionPath(filter.region()), Actors.scope(), sink);
    }

    /** Enterprises in the caller's scope. */
    public long count() {
        return enterprises.count(Actors.scope());
    }

    /** Equipment items of the enterprises in the caller's scope. */
    public long countEquipment() {
        return enterprises.countEquipment(Actors.scope());
    }

    public List<StatusRecord> history(String uscc) {
        return enterprises.history(get(uscc).id());
    }

    @Transactional
    public Enterprise create(EnterpriseDraft draft) {
        ValidEnterprise e = valid(draft);
        if (enterprises.idOf(e.uscc()).isPresent()) {
            throw DomainException.conflict("error.enterprise.duplicate", e.uscc());
        }
        long id = enterprises.insert(e, parentId(e));
        enterprises.addStatus(id, e.status().name(), e.statusSince(), null, "登记", Actors.username());
        links(id, e);
        Enterprise created = enterprises.find(e.uscc(), org.capgov.shared.DataScope.all()).orElseThrow();
        audit.record(AuditEvent.created("enterprise", created.uscc(), created.regionPath(), created));
        return created;
    }

    @Transactional
    public Enterprise update(String uscc, EnterpriseDraft draft) {
        Enterprise before = get(uscc);
        if (draft.uscc() != null && !draft.uscc().isBlank() && !draft.uscc().trim().equalsIgnoreCase(before.uscc())) {
            throw DomainException.invalid("uscc", "error.enterprise.usccImmutable");
        }
        EnterpriseDraft merged = new EnterpriseDraft(before.uscc(), draft.name(), draft.region(), draft.industries(),
                draft.address(), draft.legalRepresentative(), draft.parentUscc(), draft.affiliates(), draft.gridAccounts(),
                before.status().name(), before.statusSince(),
                draft.acceptCheckCharacter() != null ? draft.acceptCheckCharacter() : before.usccFlag() != null);
        ValidEnterprise e = valid(merged);
        enterprises.update(before.id(), e, parentId(e));
        links(before.id(), e);
        Enterprise after = enterprises.find(before.uscc(), org.capgov.shared.DataScope.all()).orElseThrow();
        audit.record(AuditEvent.updated("enterprise", after.uscc(), after.regionPath(), before, after));
        return after;
    }

    @Transactional
    public Enterprise changeStatus(String uscc, StatusChange change) {
        Enterprise before = get(uscc);
        EnterpriseStatus status;
        try {
            status = EnterpriseStatus.valueOf(change.status() == null ? "" : change.status().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("status", "error.enterprise.status", change.status());
        }
        LocalDate date = change.effectiveDate() == null ? ChinaTime.today(clock) : change.effectiveDate();
        if (date.isAfter(ChinaTime.today(clock))) {
            throw DomainException.invalid("effectiveDate", "error.registry.futureDate");
        }
        checkStatusChange(change, date);
        if (date.isBefore(before.statusSince())) {
            throw DomainException.invalid("effectiveDate", "error.registry.beforeCurrentStatus", before.statusSince());
        }
        enterprises.addStatus(before.id(), status.name(), date, change.document(), change.note(), Actors.username());
        enterprises.setStatus(before.id(), status, date);
        Enterprise after = enterprises.find(before.uscc(), org.capgov.shared.DataScope.all()).orElseThrow();
        follows.follow(after, date, change.document());
        audit.record(AuditEvent.updated("enterprise", after.uscc(), after.regionPath(),
                java.util.Map.of("status", before.status(), "since", before.statusSince().toString()),
                java.util.Map.of("status", after.status(), "since", after.statusSince().toString(),
                        "document", change.document() == null ? "" : change.document())));
        return after;
    }

    private ValidEnterprise valid(EnterpriseDraft draft) {
        EnterpriseValidator.Outcome outcome = EnterpriseValidator.validate(draft, regions.openRegions(), ChinaTime.today(clock));
        if (!outcome.ok()) {
            throw Violations.toException(outcome.violations());
        }
        ValidEnterprise e = outcome.enterprise();
        if (!Actors.scope().coversRegion(e.regionPath())) {
            throw DomainException.forbidden("error.region.outsideScope", e.regionCode());
        }
        return e;
    }

    private Long parentId(ValidEnterprise e) {
        if (e.parentUscc() == null) {
            return null;
        }
        if (e.parentUscc().equals(e.uscc())) {
            throw DomainException.invalid("parentUscc", "error.enterprise.selfParent");
        }
        return enterprises.idOf(e.parentUscc())
                .orElseThrow(() -> DomainException.invalid("parentUscc", "error.enterprise.unknownRelated", e.parentUscc()));
    }

    private void links(long id, ValidEnterprise e) {
        List<Long> affiliates = new ArrayList<>();
        for (String a : e.affiliates()) {
            if (a.equals(e.uscc())) {
                throw DomainException.invalid("affiliates", "error.enterprise.selfParent");
            }
            affiliates.add(enterprises.idOf(a)
                    .orElseThrow(() -> DomainException.invalid("affiliates", "error.enterprise.unknownRelated", a)));
        }
        enterprises.setAffiliates(id, affiliates);
        for (String account : e.gridAccounts()) {
            enterprises.accountHolder(account, id).ifPresent(holder -> {
                throw DomainException.conflict("error.enterprise.gridAccountTaken", account, holder);
            });
        }
        enterprises.setGridAccounts(id, e.gridAccounts(), ChinaTime.today(clock));
    }

    private static EnterpriseFilter checked(EnterpriseFilter f) {
        try {
            if (f.industry() != null && !f.industry().isBlank()) {
                org.capgov.shared.Industry.valueOf(f.industry().trim().toUpperCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("industry", "error.registry.unknownCode", f.industry());
        }
        try {
            if (f.status() != null && !f.status().isBlank()) {
                EnterpriseStatus.valueOf(f.status().trim().toUpperCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("status", "error.registry.unknownCode", f.status());
        }
        try {
            if (f.product() != null && !f.product().isBlank()) {
                org.capgov.shared.Product.valueOf(f.product().trim().toUpperCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("product", "error.registry.unknownCode", f.product());
        }
        return f;
    }

    private EnterpriseRepository.Subtree regionPath(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        var region = regions.any(code.trim())
                .orElseThrow(() -> DomainException.invalid("region", "error.region.notFound", code));
        return new EnterpriseRepository.Subtree(region.path(), regions.subtreePaths(region));
    }
}
