package org.capgov.registry;

import java.util.List;
import org.capgov.identity.SystemActor;
import org.capgov.shared.DataScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, brings rows recorded before the rule of docs/decisions/disclosure-readings.md P2 into line: an operating
 * item of an enterprise already closed, exited or deregistered becomes 停用 from the day of the enterprise's status (or
 * its own, when later), with its history entry and audit entry, one enterprise per transaction. Once done, each start
 * finds nothing and only runs its one query.
 */
@Component
@Order(31)
class StatusConsistencyBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StatusConsistencyBackfill.class);

    private final EquipmentRepository equipment;
    private final EnterpriseRepository enterprises;
    private final EquipmentFollowsEnterprise follows;
    private final TransactionTemplate transaction;

    StatusConsistencyBackfill(EquipmentRepository equipment, EnterpriseRepository enterprises,
            EquipmentFollowsEnterprise follows, TransactionTemplate transaction) {
        this.equipment = equipment;
        this.enterprises = enterprises;
        this.follows = follows;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        int items = backfill();
        if (items > 0) {
            log.info("Status consistency: {} operating items of enterprises out of production set to idle", items);
        }
    }

    /** Stops the operating items of every enterprise out of production; returns how many items changed. */
    int backfill() {
        List<String> usccs = equipment.outOfProductionWithOperatingItems();
        int changed = 0;
        for (String uscc : usccs) {
            Integer n = SystemActor.call(() -> transaction.execute(s -> enterprises.find(uscc, DataScope.all())
                    .map(e -> follows.follow(e, e.statusSince(), null)).orElse(0)));
            changed += n == null ? 0 : n;
        }
        return changed;
    }
}
