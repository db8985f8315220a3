package org.capgov.registry.datedfact;

import java.time.Instant;
import java.time.LocalDate;

/** One dated fact about an equipment item: what holds from which day, on what source, recorded by whom. */
public record EquipmentFact(String code, boolean value, LocalDate validFrom, String source, String recordedBy,
        Instant recordedAt) {
}
