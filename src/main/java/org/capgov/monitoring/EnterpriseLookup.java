package org.capgov.monitoring;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.Equipment;
import org.capgov.registry.EquipmentService;
import org.capgov.shared.DomainException;

/**
 * Enterprises by USCC in the caller's scope and their equipment by code, through the registry's public services,
 * remembered for one request or import: a file of a million rows names each enterprise many times.
 */
final class EnterpriseLookup {

    /** Past this many enterprises, new ones are looked up each time instead of remembered (bounded memory). */
    private static final int MAX_REMEMBERED = 100_000;

    private final EnterpriseService enterprises;
    private final EquipmentService equipment;
    private final Map<String, Optional<Enterprise>> byUscc = new HashMap<>();
    private final Map<Long, Map<String, Equipment>> equipmentByEnterprise = new HashMap<>();

    EnterpriseLookup(EnterpriseService enterprises, EquipmentService equipment) {
        this.enterprises = enterprises;
        this.equipment = equipment;
    }

    /** The enterprise, or the registry's 404 (unknown, or outside the caller's scope: the two look alike on purpose). */
    Enterprise require(String uscc) {
        return find(uscc).orElseThrow(() -> DomainException.notFound("error.enterprise.notFound", normal(uscc)));
    }

    /** The enterprise when it exists in the caller's scope. */
    Optional<Enterprise> find(String uscc) {
        String code = normal(uscc);
        Optional<Enterprise> known = byUscc.get(code);
        if (known != null) {
            return known;
        }
        Optional<Enterprise> found;
        try {
            found = Optional.of(enterprises.get(code));
        } catch (DomainException e) {
            if (e.status() != 404) {
                throw e;
            }
            found = Optional.empty();
        }
        if (byUscc.size() < MAX_REMEMBERED) {
            byUscc.put(code, found);
        }
        return found;
    }

    Optional<Equipment> equipment(Enterprise e, String code) {
        Map<String, Equipment> items = equipmentByEnterprise.get(e.id());
        if (items == null) {
            items = new HashMap<>();
            List<Equipment> all = equipment.of(e.uscc());
            for (Equipment q : all) {
                items.put(q.code(), q);
            }
            if (equipmentByEnterprise.size() < MAX_REMEMBERED) {
                equipmentByEnterprise.put(e.id(), items);
            }
        }
        return Optional.ofNullable(items.get(code.strip()));
    }

    private static String normal(String uscc) {
        return uscc == null ? "" : uscc.strip().toUpperCase(Locale.ROOT);
    }
}
