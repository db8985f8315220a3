package org.capgov.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.capgov.shared.Product;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.capgov.registry.validation.ValidEquipment;
import org.capgov.registry.validation.Violations;
import org.capgov.registry.validation.EquipmentValidator;
import java.time.Clock;
import org.capgov.shared.ChinaTime;

/** Equipment of an enterprise, its status history, and capacity per product × region subtree × status × date. */
@Service
public class EquipmentService {

    /** The answer of the capacity query. */
    public record Capacity(String product, String region, LocalDate date, String status, BigDecimal capacity, String unit) {
    }

    private final EnterpriseService enterprises;
    private final EquipmentRepository equipment;
    private final RegionDirectory regions;
    private final AuditTrail audit;
    private final Clock clock;

    EquipmentService(Clock clock, EnterpriseService enterprises, EquipmentRepository equipment, RegionDirectory regions,
            AuditTrail audit) {
        this.clock = clock;
        this.enterprises = enterprises;
        this.equipment = equipment;
        this.regions = regions;
        this.audit = audit;
    }

    public List<Equipment> of(String uscc) {
        return equipment.ofEnterprise(enterprises.get(uscc).id());
    }

    public Equipment get(String uscc, String code) {
        Enterprise e = enterprises.get(uscc);
        return equipment.find(e.id(), code).orElseThrow(() -> DomainException.notFound("error.equipment.notFound", code));
    }

    public List<StatusRecord> history(String uscc, String code) {
        return equipment.history(get(uscc, code).id());
    }

    @Transactional
    public Equipment create(String uscc, EquipmentDraft draft) {
        Enterprise e = enterprises.get(uscc);
        ValidEquipment q = valid(draft, e);
        refuseInconsistent(e, q.status());
        if (equipment.find(e.id(), q.code()).isPresent()) {
            throw DomainException.conflict("error.equipment.duplicate", q.code(), e.uscc());
        }
        String regionCode = q.regionCode() == null ? e.region() : q.regionCode();
        String regionPath = q.regionPath() == null ? e.regionPath() : q.regionPath();
        long id = equipment.insert(e.id(), equipment.lineId(e.id(), q.line()), q, regionCode, regionPath);
        equipment.addStatus(id, q.status().name(), q.statusSince(), null, "登记", Actors.username());
        Equipment created = equipment.find(e.id(), q.code()).orElseThrow();
        audit.record(AuditEvent.created("equipment", e.uscc() + "/" + q.code(), regionPath, created));
        return created;
    }

    /** Replaces the description of an item; its status changes go through {@link #changeStatus}. */
    @Transactional
    public Equipment update(String uscc, String code, EquipmentDraft draft) {
        Enterprise e = enterprises.get(uscc);
        Equipment before = equipment.find(e.id(), code)
                .orElseThrow(() -> DomainException.notFound("error.equipment.notFound", code));
        if (draft.code() != null && !draft.code().isBlank() && !draft.code().trim().equals(code)) {
            throw DomainException.invalid("code", "error.equipment.codeImmutable");
        }
        EquipmentDraft merged = new EquipmentDraft(code, draft.line(), draft.type(), draft.parameters(), draft.product(),
                draft.annualCapacity(), draft.commissioned(), draft.region(), before.status().name(), before.statusSince());
        ValidEquipment q = valid(merged, e);
        String regionCode = q.regionCode() == null ? e.region() : q.regionCode();
        String regionPath = q.regionPath() == null ? e.regionPath() : q.regionPath();
        equipment.update(before.id(), equipment.lineId(e.id(), q.line()), q, regionCode, regionPath);
        Equipment after = equipment.find(e.id(), code).orElseThrow();
        audit.record(AuditEvent.updated("equipment", e.uscc() + "/" + code, regionPath, before, after));
        return after;
    }

    @Transactional
    public Equipment changeStatus(String uscc, String code, StatusChange change) {
        Equipment before = get(uscc, code);
        EquipmentStatus status;
        try {
            status = EquipmentStatus.valueOf(change.status() == null ? "" : change.status().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw DomainException.invalid("status", "error.equipment.status", change.status());
        }
        LocalDate date = change.effectiveDate() == null ? ChinaTime.today(clock) : change.effectiveDate();
        if (date.isAfter(ChinaTime.today(clock))) {
            throw DomainException.invalid("effectiveDate", "error.registry.futureDate");
        }
        EnterpriseService.checkStatusChange(change, date);
        if (date.isBefore(before.statusSince())) {
            throw DomainException.invalid("effectiveDate", "error.registry.beforeCurrentStatus", before.statusSince());
        }
        refuseInconsistent(enterprises.get(uscc), status);
        equipment.addStatus(before.id(), status.name(), date, change.document(), change.note(), Actors.username());
        equipment.setStatus(before.id(), status, date);
        Equipment after = get(uscc, code);
        audit.record(AuditEvent.updated("equipment", before.enterpriseUscc() + "/" + code, after.regionPath(),
                Map.of("status", before.status(), "since", before.statusSince().toString()),
                Map.of("status", after.status(), "since", after.statusSince().toString(),
                        "document", change.document() == null ? "" : change.document())));
        return after;
    }

    /** An item of a closed, exited or deregistered enterprise cannot be put into production (StatusConsistency). */
    private static void refuseInconsistent(Enterprise e, EquipmentStatus status) {
        if (!StatusConsistency.allowed(e.status(), status)) {
            throw DomainException.invalid("status", "error.equipment.enterpriseOutOfProduction",
                    e.name());
        }
    }

    /** Capacity of {@code product} in the subtree of {@code region} on {@code date} with {@code status}. */
    public Capacity capacity(String product, String region, LocalDate date, String status) {
        Product p;
        try {
            p = Product.valueOf(product == null ? "" : product.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("product", "error.registry.unknownCode", product);
        }
        EquipmentStatus s;
        try {
            s = status == null || status.isBlank() ? EquipmentStatus.OPERATING
                    : EquipmentStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("status", "error.registry.unknownCode", status);
        }
        if (region == null || region.isBlank()) {
            throw DomainException.invalid("region", "error.request.missingParameter", "region");
        }
        var r = regions.any(region.trim()).orElseThrow(() -> DomainException.invalid("region", "error.region.notFound", region));
        LocalDate d = date == null ? ChinaTime.today(clock) : date;
        BigDecimal sum = equipment.capacity(p, r.path(), d, s, Actors.scope());
        return new Capacity(p.name(), r.code(), d, s.name(), org.capgov.shared.Decimals.plain(sum), p.unit());
    }

    public Map<Product, BigDecimal> operatingByProduct(String region) {
        var r = regions.any(region).orElseThrow(() -> DomainException.notFound("error.region.notFound", region));
        return equipment.operatingByProduct(r.path(), Actors.scope());
    }

    private ValidEquipment valid(EquipmentDraft draft, Enterprise e) {
        EquipmentValidator.Outcome outcome = EquipmentValidator.validate(draft, regions.openRegions(), ChinaTime.today(clock));
        if (!outcome.ok()) {
            throw Violations.toException(outcome.violations());
        }
        ValidEquipment q = outcome.equipment();
        if (q.regionPath() != null && !Actors.scope().coversRegion(q.regionPath())) {
            throw DomainException.forbidden("error.region.outsideScope", q.regionCode());
        }
        return q;
    }
}
