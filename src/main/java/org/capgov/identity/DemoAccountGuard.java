package org.capgov.identity;

import java.util.Map;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo accounts have a published password, so they exist only in demo mode: started without it on a database that
 * demo mode used, capgov disables them (audited) before anyone can log in.
 */
@Component
@Order(5)
@ConditionalOnBooleanProperty(name = "capgov.demo", havingValue = false, matchIfMissing = true)
class DemoAccountGuard implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccountGuard.class);
    private final PersonRepository people;
    private final AuditTrail audit;

    DemoAccountGuard(PersonRepository people, AuditTrail audit) {
        this.people = people;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (Map<String, Object> row : people.disableDemoAccounts()) {
            audit.recordAs(org.capgov.shared.Actors.SYSTEM, null, AuditEvent.updated("person", row.get("id").toString(),
                    null, Map.of("enabled", true), Map.of("enabled", false, "reason", "demo account outside demo mode")));
            log.warn("Demo account '{}' disabled: capgov is not running in demo mode", row.get("username"));
        }
    }
}
