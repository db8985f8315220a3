package org.capgov.projects.ledger;

import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.region.Region;
import org.capgov.region.RegionService;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens accounts: one per enterprise, one government reserve per region; each opening audited once. */
@Service
class LedgerAccounts {

    private final LedgerRepository ledger;
    private final EnterpriseService enterprises;
    private final RegionService regions;
    private final AuditTrail audit;

    LedgerAccounts(LedgerRepository ledger, EnterpriseService enterprises, RegionService regions, AuditTrail audit) {
        this.ledger = ledger;
        this.enterprises = enterprises;
        this.regions = regions;
        this.audit = audit;
    }

    @Transactional
    LedgerAccount open(LedgerRequests.OpenAccount r) {
        if (r != null && r.uscc() != null && !r.uscc().isBlank()) {
            Enterprise e = enterprises.get(r.uscc().trim());
            return enterprise(e.id(), e.uscc(), e.region(), e.regionPath());
        }
        if (r != null && r.reserveRegion() != null && !r.reserveRegion().isBlank()) {
            Region region = regions.get(r.reserveRegion().trim());
            if (!Actors.scope().coversRegion(region.path())) {
                throw DomainException.notFound("error.ledger.regionNotInScope", region.code());
            }
            return reserve(region.code());
        }
        throw DomainException.invalid("uscc", "error.ledger.accountHolderMissing");
    }

    @Transactional
    LedgerAccount enterprise(long enterpriseId, String uscc, String regionCode, String regionPath) {
        return ledger.enterpriseAccount(enterpriseId).orElseGet(() -> {
            String name = enterprises.get(uscc).name();
            LedgerAccount a = ledger.open("ENTERPRISE", enterpriseId, uscc, regionCode, regionPath, name + " 指标账户",
                    Actors.username());
            audit.record(AuditEvent.created("ledger_account", Long.toString(a.id()), a.regionPath(), a));
            return a;
        });
    }

    @Transactional
    LedgerAccount reserve(String regionCode) {
        return ledger.reserveAccount(regionCode).orElseGet(() -> {
            Region region = regions.get(regionCode);
            LedgerAccount a = ledger.open("RESERVE", null, null, region.code(), region.path(), region.name() + " 政府储备账户",
                    Actors.username());
            audit.record(AuditEvent.created("ledger_account", Long.toString(a.id()), a.regionPath(), a));
            return a;
        });
    }
}
