package org.capgov.projects.ledger;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.capgov.catalog.CatalogRule;
import org.capgov.catalog.CatalogService;
import org.capgov.enforcement.CaseDetail;
import org.capgov.enforcement.CaseService;
import org.capgov.enforcement.CaseState;
import org.capgov.enforcement.EnforcementCase;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.Equipment;
import org.capgov.registry.EquipmentService;
import org.capgov.registry.EquipmentStatus;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.capgov.supervision.subsidy.ClosureSubsidies;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues units only from verified exits: an enforcement exit case verified (EXIT_VERIFIED or ANNOUNCED) for one
 * equipment item, or a voluntary exit the department verifies (the equipment's power units removed, sealed or
 * dismantled in the registry). The equipment's annual capacity, in whole units, becomes one issuance, once.
 *
 * <p>Backward capacity is no indicator (工信部原〔2021〕46号 and 〔2021〕80号, "not usable as indicators: 落后产能"):
 * an exit case opened on an elimination item of the catalogue issues nothing. Nor does capacity whose exit drew a
 * closure award or subsidy (reading S10): the plans refuse it as replacement capacity, and so does the ledger.
 */
@Service
class IssuanceService {

    private static final Set<EquipmentStatus> RETIRED = Set.of(EquipmentStatus.POWER_UNIT_REMOVED, EquipmentStatus.SEALED,
            EquipmentStatus.DISMANTLED);

    /** What a verified exit yields. */
    record Source(String kind, String caseId, long equipmentId, String equipmentCode, long enterpriseId, String uscc,
            String regionCode, String regionPath, String product, long quantity, String document, LocalDate verifiedOn) {
    }

    private final LedgerService ledger;
    private final LedgerAccounts accounts;
    private final LedgerRepository repository;
    private final CaseService cases;
    private final EnterpriseService enterprises;
    private final EquipmentService equipment;
    private final CatalogService catalog;
    private final ClosureSubsidies subsidies;
    private final Clock clock;

    IssuanceService(LedgerService ledger, LedgerAccounts accounts, LedgerRepository repository, CaseService cases,
            EnterpriseService enterprises, EquipmentService equipment, CatalogService catalog,
            ClosureSubsidies subsidies, Clock clock) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.repository = repository;
        this.cases = cases;
        this.enterprises = enterprises;
        this.equipment = equipment;
        this.catalog = catalog;
        this.subsidies = subsidies;
        this.clock = clock;
    }

    @Transactional
    public LedgerService.Outcome issue(LedgerRequests.Issuance r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r == null || r.document() == null || r.document().isBlank()) {
            problems.add(new FieldProblem("document", "", "缺少核查文书文号 document"));
        }
        boolean byCase = r != null && r.caseId() != null && !r.caseId().isBlank();
        if (r != null && !byCase && (r.uscc() == null || r.equipmentRef() == null)) {
            problems.add(new FieldProblem("caseId", "", "须给出退出案件 caseId，或自愿退出的企业 uscc 与设备 equipmentRef"));
        }
        if (r != null && r.verifiedOn() != null && r.verifiedOn().isAfter(LocalDate.now(clock))) {
            problems.add(new FieldProblem("verifiedOn", r.verifiedOn().toString(), "核查日期不得晚于今天"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        Source source = byCase ? fromCase(r) : voluntary(r);
        if (subsidies.subsidised(source.equipmentId())) {
            throw DomainException.conflict("error.ledger.subsidised", source.equipmentCode(), source.uscc());
        }
        if (repository.issuedFrom(source.equipmentId())) {
            throw DomainException.conflict("error.ledger.alreadyIssued", source.equipmentCode(), source.uscc());
        }
        LedgerAccount to = Boolean.TRUE.equals(r.toReserve()) ? accounts.reserve(source.regionCode())
                : accounts.enterprise(source.enterpriseId(), source.uscc(), source.regionCode(), source.regionPath());
        return ledger.issue(to, source);
    }

    private Source fromCase(LedgerRequests.Issuance r) {
        CaseDetail detail = cases.get(r.caseId().trim());
        EnforcementCase c = detail.summary();
        if (c.state() != CaseState.EXIT_VERIFIED && c.state() != CaseState.ANNOUNCED) {
            throw DomainException.conflict("error.ledger.exitNotVerified", c.id());
        }
        if (c.equipmentRef() == null) {
            throw DomainException.conflict("error.ledger.caseWithoutEquipment", c.id());
        }
        if (c.ruleId() != null && catalog.current().eliminations().stream().map(CatalogRule::id)
                .anyMatch(c.ruleId()::equals)) {
            throw DomainException.conflict("error.ledger.backwardCapacity", c.id(), c.ruleId());
        }
        LocalDate verified = detail.timeline().stream().filter(e -> e.toState() == CaseState.EXIT_VERIFIED)
                .map(e -> e.effectiveDate()).reduce((a, b) -> b).orElse(c.closedOn());
        return source("EXIT_CASE", c.id(), c.uscc(), c.equipmentRef(), r.document().trim(), verified);
    }

    private Source voluntary(LedgerRequests.Issuance r) {
        Equipment e = equipment.get(r.uscc().trim(), r.equipmentRef().trim());
        if (!RETIRED.contains(e.status())) {
            throw DomainException.conflict("error.ledger.notRetired", e.code(), e.status().name());
        }
        return source("VOLUNTARY_EXIT", null, r.uscc().trim(), e.code(), r.document().trim(),
                r.verifiedOn() == null ? LocalDate.now(clock) : r.verifiedOn());
    }

    private Source source(String kind, String caseId, String uscc, String code, String document, LocalDate on) {
        Enterprise enterprise = enterprises.get(uscc);
        Equipment e = equipment.get(uscc, code);
        long units = e.annualCapacity().setScale(0, RoundingMode.DOWN).longValueExact();
        if (units <= 0) {
            throw DomainException.conflict("error.ledger.noCapacity", code);
        }
        return new Source(kind, caseId, e.id(), e.code(), enterprise.id(), enterprise.uscc(), enterprise.region(),
                enterprise.regionPath(), e.product().name(), units, document, on);
    }

}
